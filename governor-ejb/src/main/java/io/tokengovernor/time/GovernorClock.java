package io.tokengovernor.time;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's one source of time: every service takes {@code now} from the {@link Clock} produced
 * here, in whole milliseconds so that what is answered equals what is stored.
 *
 * <p>With {@code governor.clock.adjustable=true} (for tests only) the clock can be moved forward, so
 * that budget windows reset and checkpoint graces run out without waiting for them; it never moves
 * backwards, not even across a restart: the offset from the system clock is kept in {@code clock.offset} beside
 * the server's other output (a frozen clock runs on after a restart).
 */
@ApplicationScoped
public class GovernorClock {

    private static final Logger LOG = Logger.getLogger(GovernorClock.class.getName());

    @Inject
    @ConfigProperty(name = "governor.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    private final AtomicReference<Setting> setting = new AtomicReference<>(new Setting(Duration.ZERO, null));
    private final Clock clock = new AdjustedClock(setting);

    @PostConstruct
    void restore() {
        if (!adjustable) {
            return;
        }
        try {
            if (Files.exists(offsetFile())) {
                long millis = Long.parseLong(Files.readString(offsetFile()).strip());
                setting.set(new Setting(Duration.ofMillis(millis), null));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.WARNING, "Cannot read the clock offset; the clock starts at the system time", e);
        }
    }

    @Produces
    public Clock clock() {
        return clock;
    }

    public boolean adjustable() {
        return adjustable;
    }

    /** How far the clock is ahead of the system's. */
    public Duration offset() {
        return Duration.between(Instant.now(), clock.instant()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Whether the clock stands still (until it is moved without {@code freeze}). */
    public boolean frozen() {
        return setting.get().frozenAt() != null;
    }

    /**
     * Moves the clock forward to {@code target}; an instant already past is refused. A frozen clock stays at
     * {@code target} until it is moved again, so that several steps can happen at exactly one instant; otherwise
     * it runs on from there.
     *
     * @throws ConflictException when the server was not started with an adjustable clock
     */
    public void moveTo(Instant target, boolean freeze) {
        requireAdjustable();
        setting.updateAndGet(current -> {
            Instant now = clock.instant();
            if (target.isBefore(now)) {
                throw new InvalidRequestException("to", "the clock only moves forward; " + target
                        + " is before the server's time " + now);
            }
            Instant exact = target.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Duration offset = Duration.ofMillis(exact.toEpochMilli() - System.currentTimeMillis());
            return new Setting(offset, freeze ? exact : null);
        });
        keep(setting.get().offset());
    }

    private void keep(Duration offset) {
        try {
            Files.writeString(offsetFile(), offset.toMillis() + "\n");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot keep the clock offset; a restart sets the clock back", e);
        }
    }

    private static Path offsetFile() {
        return Path.of(System.getProperty("server.output.dir", "."), "clock.offset");
    }

    /** Stops the clock where it stands and answers that instant. */
    public Instant freeze() {
        requireAdjustable();
        Setting frozen = setting.updateAndGet(current -> current.frozenAt() != null ? current
                : new Setting(current.offset(), clock.instant()));
        return frozen.frozenAt();
    }

    /** @throws ConflictException when the server was not started with an adjustable clock */
    public void requireAdjustable() {
        if (!adjustable) {
            throw ConflictException.state("The server's clock is not adjustable; start the server with"
                    + " GOVERNOR_CLOCK_ADJUSTABLE=true to move it (tests only).");
        }
    }

    /** An offset from the system clock, or an instant the clock stands at. */
    private record Setting(Duration offset, Instant frozenAt) {
    }

    /** System UTC time plus an offset, or a frozen instant; in whole milliseconds. */
    private static final class AdjustedClock extends Clock {

        private final AtomicReference<Setting> setting;

        AdjustedClock(AtomicReference<Setting> setting) {
            this.setting = setting;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public long millis() {
            Setting current = setting.get();
            return current.frozenAt() != null ? current.frozenAt().toEpochMilli()
                    : System.currentTimeMillis() + current.offset().toMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}
