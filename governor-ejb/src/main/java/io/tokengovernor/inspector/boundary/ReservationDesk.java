package io.tokengovernor.inspector.boundary;

import io.tokengovernor.ConflictException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.UnknownEntityException;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import io.tokengovernor.core.registry.TaskState;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.inspector.entity.Reservation;
import io.tokengovernor.persistence.InstantConverter;
import io.tokengovernor.scheduler.entity.TokensFreed;
import io.tokengovernor.usage.control.ReservationRelease;
import io.tokengovernor.usage.control.WindowCounter;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Admission: grants a reservation only if the task, its package and its project each still have the
 * tokens (budget − used − reserved; the project's used counts its current window). Each level is a
 * conditional update ({@code … WHERE budget − used − reserved ≥ n}), so concurrent callers can never
 * be granted more than a budget together, on SQLite and PostgreSQL alike; a level that refuses
 * rolls the others back.
 */
@Stateless
public class ReservationDesk {

    private static final InstantConverter TEXT = new InstantConverter();
    public static final long MAX_TTL_SECONDS = 3_600;

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @Inject
    WindowCounter windows;

    @Inject
    InspectorSettings settings;

    @Inject
    TaskInspector inspector;

    @Inject
    Preemption preemption;

    @Inject
    jakarta.enterprise.event.Event<TokensFreed> freed;

    @Inject
    Clock clock;

    public Reservation reserve(String taskId, long tokens, long ttlSeconds) {
        if (tokens <= 0) {
            throw new InvalidRequestException("tokens", "must be 1 or more");
        }
        if (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
            throw new InvalidRequestException("ttlSeconds", "must be 1 to " + MAX_TTL_SECONDS);
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            Owner owner = ownerOf(connection, taskId);
            if (owner.state().isFinal() || owner.state() == TaskState.PAUSED || owner.state() == TaskState.QUEUED) {
                throw ConflictException.state("Task " + taskId + " is " + owner.state()
                        + " and cannot reserve tokens.");
            }
            String refusal = hold(connection, owner, tokens, now);
            if (refusal != null) {
                // nothing of this attempt stays; the caller records the pause the refusal makes due
                // (TaskInspector.refused) in a transaction of its own, with the directive to answer
                context.setRollbackOnly();
                return new Reservation(null, false, tokens, null, refusal, null);
            }
            String id = UUID.randomUUID().toString();
            Instant expiresAt = now.plusSeconds(ttlSeconds);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reservation (id, task_id,"
                    + " project_id, package_id, tokens, state, created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'HELD',"
                    + " ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, taskId);
                insert.setString(3, owner.projectId());
                insert.setString(4, owner.packageId());
                insert.setLong(5, tokens);
                insert.setString(6, TEXT.convertToDatabaseColumn(now));
                insert.setString(7, TEXT.convertToDatabaseColumn(expiresAt));
                insert.executeUpdate();
            }
            return new Reservation(id, true, tokens, expiresAt, "granted", inspector.enforce(taskId));
        } catch (SQLException e) {
            throw new IllegalStateException("reservation for task " + taskId + " failed: " + e.getMessage(), e);
        }
    }

    /** Gives back a held reservation by hand; tokens already settled by usage stay spent. */
    public long release(String taskId, String reservationId) {
        try (Connection connection = dataSource.getConnection()) {
            long released = ReservationRelease.close(connection, reservationId, taskId, "RELEASED", clock.instant());
            if (released > 0) {
                freed.fire(new TokensFreed(ownerOf(connection, taskId).projectId(), "reservation released"));
            }
            return released;
        } catch (SQLException e) {
            throw new IllegalStateException("release of reservation " + reservationId + " failed", e);
        }
    }

    /** Releases every held reservation past its expiry; returns how many. */
    public int expire() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> expired = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, task_id FROM reservation"
                    + " WHERE state = 'HELD' AND expires_at <= ? ORDER BY expires_at LIMIT 1000")) {
                query.setString(1, TEXT.convertToDatabaseColumn(now));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        expired.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            for (String[] reservation : expired) {
                ReservationRelease.close(connection, reservation[0], reservation[1], "EXPIRED", now);
                freed.fire(new TokensFreed(ownerOf(connection, reservation[1]).projectId(), "reservation expired"));
            }
            return expired.size();
        } catch (SQLException e) {
            throw new IllegalStateException("expiring reservations failed: " + e.getMessage(), e);
        }
    }

    /** Holds the tokens at each level in turn; returns why not, or null when every level agreed. */
    private String hold(Connection connection, Owner owner, long tokens, Instant now) throws SQLException {
        if (!conditionalHold(connection, "UPDATE task SET reserved_tokens = reserved_tokens + ? WHERE id = ?"
                + " AND token_budget - used_tokens - reserved_tokens >= ?", tokens, owner.taskId())) {
            return "task budget: not enough tokens left for " + tokens;
        }
        if (owner.packageId() != null && !conditionalHold(connection, "UPDATE task_package SET reserved_tokens ="
                + " reserved_tokens + ? WHERE id = ? AND (SELECT COALESCE(SUM(t.token_budget), 0) FROM task t WHERE"
                + " t.package_id = task_package.id) - used_tokens - reserved_tokens >= ?", tokens, owner.packageId())) {
            return "package budget: not enough tokens left for " + tokens;
        }
        long windowUsed = windows.usedNow(connection, owner.projectId(), owner.window(), now);
        if (holdInProject(connection, owner, tokens, windowUsed)) {
            return null;
        }
        if (owner.tier() == 1 && preemption.yieldFor(connection, owner.projectId(), owner.taskId(), tokens, windowUsed)
                && holdInProject(connection, owner, tokens, windowUsed)) {
            return null;
        }
        return "project budget: not enough tokens left in the current " + describe(owner.window()) + " for "
                + tokens;
    }

    private static boolean holdInProject(Connection connection, Owner owner, long tokens, long windowUsed)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE project SET reserved_tokens ="
                + " reserved_tokens + ? WHERE id = ? AND token_budget - ? - reserved_tokens >= ?")) {
            update.setLong(1, tokens);
            update.setString(2, owner.projectId());
            update.setLong(3, windowUsed);
            update.setLong(4, tokens);
            return update.executeUpdate() == 1;
        }
    }

    private static boolean conditionalHold(Connection connection, String sql, long tokens, String id)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, tokens);
            update.setString(2, id);
            update.setLong(3, tokens);
            return update.executeUpdate() == 1;
        }
    }

    private static String describe(BudgetWindow window) {
        return window == BudgetWindow.NONE ? "budget" : window.name().toLowerCase() + " window";
    }

    private static Owner ownerOf(Connection connection, String taskId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT t.project_id, t.package_id, t.state,"
                + " p.budget_window, COALESCE(t.tier, p.tier) FROM task t JOIN project p ON p.id = t.project_id"
                + " WHERE t.id = ?")) {
            query.setString(1, taskId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownEntityException("task", taskId);
                }
                return new Owner(taskId, row.getString(1), row.getString(2), TaskState.valueOf(row.getString(3)),
                        BudgetWindow.valueOf(row.getString(4)), row.getInt(5));
            }
        }
    }

    private record Owner(String taskId, String projectId, String packageId, TaskState state, BudgetWindow window,
            int tier) {
    }
}
