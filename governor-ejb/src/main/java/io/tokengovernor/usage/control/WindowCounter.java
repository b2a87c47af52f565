package io.tokengovernor.usage.control;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.BudgetWindows;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.persistence.InstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Tokens a project spent per budget window, kept in {@code project_window}. */
@ApplicationScoped
public class WindowCounter {

    private static final InstantConverter TEXT = new InstantConverter();

    @Inject
    InspectorSettings settings;

    /** The start of the window an event at {@code at} counts towards, given the latest rolling window. */
    public Instant startOf(BudgetWindow window, Instant at, Instant currentRolling) {
        return BudgetWindows.startOf(window, at, settings.windowZone(), currentRolling);
    }

    public void add(Connection connection, String projectId, Instant windowStart, long tokens) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO project_window"
                + " (project_id, window_start, used_tokens) VALUES (?, ?, ?) ON CONFLICT (project_id, window_start)"
                + " DO UPDATE SET used_tokens = project_window.used_tokens + excluded.used_tokens")) {
            upsert.setString(1, projectId);
            upsert.setString(2, TEXT.convertToDatabaseColumn(windowStart));
            upsert.setLong(3, tokens);
            upsert.executeUpdate();
        }
    }

    /** Tokens spent in the project's window that contains {@code now}; 0 when that window has not opened. */
    public long usedNow(Connection connection, String projectId, BudgetWindow window, Instant now)
            throws SQLException {
        return current(connection, projectId, window, now).used();
    }

    /**
     * The project's window that contains {@code now}: its start and the tokens spent in it. A rolling window
     * that has not opened yet starts at {@code now} with nothing spent; NONE started at the epoch.
     */
    public Window current(Connection connection, String projectId, BudgetWindow window, Instant now)
            throws SQLException {
        Instant start;
        if (window == BudgetWindow.ROLLING_5H) {
            start = latestStart(connection, projectId);
            if (start == null || !BudgetWindows.isOpen(window, start, now, settings.windowZone())) {
                return new Window(now, 0);
            }
        } else {
            start = BudgetWindows.startOf(window, now, settings.windowZone(), null);
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT used_tokens FROM project_window WHERE project_id = ? AND window_start = ?")) {
            query.setString(1, projectId);
            query.setString(2, TEXT.convertToDatabaseColumn(start));
            try (ResultSet rows = query.executeQuery()) {
                return new Window(start, rows.next() ? rows.getLong(1) : 0);
            }
        }
    }

    /** A budget window as it stands: when it started and what was spent in it. */
    public record Window(Instant start, long used) {
    }

    /** Start of the project's latest window, or null; a failure here aborts the ledger transaction. */
    public Instant latestStart(Connection connection, String projectId) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MAX(window_start) FROM project_window WHERE project_id = ?")) {
            query.setString(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? TEXT.convertToEntityAttribute(rows.getString(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the windows of project " + projectId, e);
        }
    }
}
