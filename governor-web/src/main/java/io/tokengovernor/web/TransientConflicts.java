package io.tokengovernor.web;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database aborted it for a conflict with a concurrent one (a deadlock or a
 * serialization failure on PostgreSQL, a stale version of an entity): the work is repeated from the start, in a
 * fresh transaction, so nothing of the aborted attempt stays. SQLite serialises writers and never needs this.
 */
public final class TransientConflicts {

    private static final int ATTEMPTS = 4;
    private static final Set<String> RETRYABLE_STATES = Set.of("40P01", "40001");

    private TransientConflicts() {
    }

    /** {@code work} must start and end its own transaction (a call into a transactional EJB). */
    public static <T> T retry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !transientConflict(e)) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    static boolean transientConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause.getClass().getName().endsWith(".OptimisticLockException") // EclipseLink's own
                    || cause instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
