package io.tokengovernor.usage.control;

import io.tokengovernor.usage.entity.UsageEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.persistence.InstantConverter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums of newly recorded tokens per task, package, project and agent, applied as one relative
 * update each ({@code used = used + n}) so that a group of thousands of events costs a handful of
 * statements, and per project window in event-time order. Rows are updated tasks first, then
 * packages, then projects, each in id order: the order reservations lock them in, so that a group
 * and concurrent reservations cannot deadlock (PostgreSQL).
 */
final class Counters {

    private final Map<String, Long> tasks = new TreeMap<>();
    private final Map<String, Long> packages = new TreeMap<>();
    private final Map<String, Long> projects = new TreeMap<>();
    private final Map<String, Long> agents = new TreeMap<>();
    private final List<WindowShare> windowShares = new ArrayList<>();

    void add(UsageEvent event, LedgerBook.TaskRow task) {
        long tokens = event.totalTokens();
        tasks.merge(task.id(), tokens, Long::sum);
        projects.merge(task.projectId(), tokens, Long::sum);
        if (task.packageId() != null) {
            packages.merge(task.packageId(), tokens, Long::sum);
        }
        if (task.agentId() != null) {
            agents.merge(task.agentId(), tokens, Long::sum);
        }
        windowShares.add(new WindowShare(task, event.timestamp(), tokens));
    }

    Set<String> touchedTasks() {
        return tasks.keySet();
    }

    void apply(Connection connection, WindowCounter windows, Instant now) throws SQLException {
        String updatedAt = new InstantConverter().convertToDatabaseColumn(now);
        update(connection, "UPDATE task SET used_tokens = used_tokens + ?, updated_at = ? WHERE id = ?", tasks,
                updatedAt);
        update(connection, "UPDATE task_package SET used_tokens = used_tokens + ?, updated_at = ? WHERE id = ?",
                packages, updatedAt);
        update(connection, "UPDATE project SET used_tokens = used_tokens + ?, updated_at = ? WHERE id = ?",
                projects, updatedAt);
        update(connection, "UPDATE agent SET used_tokens = used_tokens + ? WHERE id = ?", agents, null);
        applyWindows(connection, windows);
    }

    /** Shares go in event-time order, so a rolling window opened by one event holds the events after it. */
    private void applyWindows(Connection connection, WindowCounter windows) throws SQLException {
        windowShares.sort(Comparator.comparing(WindowShare::at));
        Map<String, Instant> rollingStarts = new HashMap<>();
        Map<String, Map<Instant, Long>> sums = new LinkedHashMap<>();
        for (WindowShare share : windowShares) {
            String projectId = share.task().projectId();
            Instant current = share.task().window() == BudgetWindow.ROLLING_5H
                    ? rollingStarts.computeIfAbsent(projectId, id -> windows.latestStart(connection, id))
                    : null;
            Instant start = windows.startOf(share.task().window(), share.at(), current);
            if (share.task().window() == BudgetWindow.ROLLING_5H) {
                rollingStarts.put(projectId, start);
            }
            sums.computeIfAbsent(projectId, id -> new LinkedHashMap<>()).merge(start, share.tokens(), Long::sum);
        }
        for (Map.Entry<String, Map<Instant, Long>> project : sums.entrySet()) {
            for (Map.Entry<Instant, Long> window : project.getValue().entrySet()) {
                windows.add(connection, project.getKey(), window.getKey(), window.getValue());
            }
        }
    }

    private static void update(Connection connection, String sql, Map<String, Long> sums, String updatedAt)
            throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<String, Long> sum : sums.entrySet()) {
                int index = 1;
                statement.setLong(index++, sum.getValue());
                if (updatedAt != null) {
                    statement.setString(index++, updatedAt);
                }
                statement.setString(index, sum.getKey());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private record WindowShare(LedgerBook.TaskRow task, Instant at, long tokens) {
    }
}
