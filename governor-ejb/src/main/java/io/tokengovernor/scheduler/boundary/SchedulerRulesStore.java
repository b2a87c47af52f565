package io.tokengovernor.scheduler.boundary;

import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.core.scheduler.InvalidSchedulerRules;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.core.scheduler.SchedulerRulesFile;
import io.tokengovernor.persistence.InstantConverter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's rules: those last accepted through the API, else the rules file in the server's
 * configuration folder ({@code scheduler-rules.json}), else the built-in defaults. A file or body
 * that does not validate is refused with every problem, and the rules in force stay.
 */
@Stateless
public class SchedulerRulesStore {

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "governor.scheduler.rules-file")
    Optional<String> rulesFile;

    @Inject
    Clock clock;

    public SchedulerRules current() {
        return SchedulerRulesFile.read(currentJson());
    }

    public String currentJson() {
        List<?> stored = em.createNativeQuery("SELECT rules FROM scheduler_rules WHERE id = 1").getResultList();
        if (!stored.isEmpty()) {
            return (String) stored.get(0);
        }
        Path file = Path.of(rulesFile.orElse(System.getProperty("server.config.dir", ".") + "/scheduler-rules.json"));
        if (Files.isReadable(file)) {
            try {
                String text = Files.readString(file);
                SchedulerRulesFile.read(text);
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the scheduler rules " + file, e);
            } catch (InvalidSchedulerRules e) {
                // a broken file on disk must not stop the server: fall back to the defaults, loudly
                java.util.logging.Logger.getLogger(SchedulerRulesStore.class.getName())
                        .warning("Ignoring invalid scheduler rules in " + file + ": " + e.problems());
            }
        }
        return SchedulerRulesFile.write(SchedulerRules.DEFAULTS);
    }

    /** Validates and stores new rules; refused rules change nothing. */
    public SchedulerRules replace(String json) {
        SchedulerRules rules;
        try {
            rules = SchedulerRulesFile.read(json);
        } catch (InvalidSchedulerRules e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(problem -> new InvalidRequestException.FieldError(problem.field(), problem.message()))
                    .toList());
        }
        String normalised = SchedulerRulesFile.write(rules);
        String now = new InstantConverter().convertToDatabaseColumn(clock.instant());
        if (em.createNativeQuery("UPDATE scheduler_rules SET rules = ?, updated_at = ? WHERE id = 1")
                .setParameter(1, normalised).setParameter(2, now).executeUpdate() == 0) {
            em.createNativeQuery("INSERT INTO scheduler_rules (id, rules, updated_at) VALUES (1, ?, ?)")
                    .setParameter(1, normalised).setParameter(2, now).executeUpdate();
        }
        return rules;
    }
}
