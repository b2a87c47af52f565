package io.tokengovernor.usage.control;

import io.tokengovernor.persistence.InstantConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Closes a held reservation (settled by usage, released by hand or by preemption, expired by the
 * timer) and gives its tokens back to the task, package and project in the same transaction.
 */
public final class ReservationRelease {

    private static final InstantConverter TEXT = new InstantConverter();

    private ReservationRelease() {
    }

    /** @return the tokens released, 0 when the reservation was not held (already closed, unknown or another task's) */
    public static long close(Connection connection, String reservationId, String taskId, String newState, Instant now)
            throws SQLException {
        long tokens;
        String projectId;
        String packageId;
        try (PreparedStatement query = connection.prepareStatement("SELECT tokens, project_id, package_id"
                + " FROM reservation WHERE id = ? AND task_id = ? AND state = 'HELD'")) {
            query.setString(1, reservationId);
            query.setString(2, taskId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                tokens = row.getLong(1);
                projectId = row.getString(2);
                packageId = row.getString(3);
            }
        }
        try (PreparedStatement close = connection.prepareStatement(
                "UPDATE reservation SET state = ?, closed_at = ? WHERE id = ? AND state = 'HELD'")) {
            close.setString(1, newState);
            close.setString(2, TEXT.convertToDatabaseColumn(now));
            close.setString(3, reservationId);
            if (close.executeUpdate() == 0) {
                return 0;
            }
        }
        // task, package, project: the order in which holds lock them, so that the two cannot deadlock
        give(connection, "UPDATE task SET reserved_tokens = reserved_tokens - ? WHERE id = ?", tokens, taskId);
        if (packageId != null) {
            give(connection, "UPDATE task_package SET reserved_tokens = reserved_tokens - ? WHERE id = ?", tokens,
                    packageId);
        }
        give(connection, "UPDATE project SET reserved_tokens = reserved_tokens - ? WHERE id = ?", tokens, projectId);
        return tokens;
    }

    private static void give(Connection connection, String sql, long tokens, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, tokens);
            statement.setString(2, id);
            statement.executeUpdate();
        }
    }
}
