package io.tokengovernor.inspector.control;

import io.tokengovernor.inspector.boundary.ReservationDesk;
import io.tokengovernor.inspector.boundary.TaskInspector;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds: releases reservations past their expiry, and pauses tasks whose checkpoint
 * grace period ran out while over budget.
 */
@Singleton
public class InspectorTimer {

    private static final Logger LOG = Logger.getLogger(InspectorTimer.class.getName());

    @Inject
    ReservationDesk reservations;

    @Inject
    TaskInspector inspector;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        try {
            int expired = reservations.expire();
            int paused = inspector.enforceOverdue();
            if (expired + paused > 0) {
                LOG.fine(() -> "released " + expired + " expired reservations, paused " + paused + " overdue tasks");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The inspector's sweep failed; it runs again shortly", e);
        }
    }
}
