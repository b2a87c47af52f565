package io.tokengovernor.notify.control;

import io.tokengovernor.notify.boundary.Notifications;
import io.tokengovernor.notify.boundary.Outbox;
import io.tokengovernor.registry.entity.Project;
import io.tokengovernor.reporting.boundary.StatusLevel;
import io.tokengovernor.reporting.boundary.StatusReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code governor.report.interval-seconds} (5 minutes by default) each project with a webhook
 * gets a {@code report} notification with its compact status, through the same outbox as every
 * other event.
 */
@Startup
@Singleton
public class PeriodicReport {

    private static final Logger LOG = Logger.getLogger(PeriodicReport.class.getName());

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "governor")
    EntityManager em;

    @Inject
    StatusReport status;

    @Inject
    Notifications notifications;

    @Inject
    Outbox outbox;

    @Inject
    NotifySettings settings;

    @PostConstruct
    void schedule() {
        long intervalSeconds = settings.reportIntervalSeconds();
        if (intervalSeconds <= 0) {
            LOG.info("Periodic webhook reports are off (governor.report.interval-seconds <= 0)");
            return;
        }
        long millis = intervalSeconds * 1000;
        timers.createIntervalTimer(millis, millis, new TimerConfig("periodic-report", false));
    }

    @Timeout
    void report() {
        try {
            List<Project> projects = em.createQuery("select p from Project p where p.webhookUrl is not null",
                    Project.class).getResultList();
            for (Project project : projects) {
                if (outbox.pending(project.getId(), Notifications.Event.report.name())) {
                    continue; // the last report has not got through yet: do not pile more on a receiver that is down
                }
                Map<String, Object> facts = new LinkedHashMap<>();
                status.of(StatusLevel.PROJECT, project.getId()).forEach((key, value) -> {
                    if (value instanceof Map<?, ?> nested) {
                        nested.forEach((inner, count) -> facts.put(key + "." + inner, count));
                    } else {
                        facts.put(key, value);
                    }
                });
                notifications.notify(project, Notifications.Event.report, facts);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The periodic report failed; it runs again at the next interval", e);
        }
    }
}
