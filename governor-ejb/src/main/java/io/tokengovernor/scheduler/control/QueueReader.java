package io.tokengovernor.scheduler.control;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.budget.BudgetWindows;
import io.tokengovernor.inspector.control.InspectorSettings;
import io.tokengovernor.registry.entity.PauseCause;
import io.tokengovernor.core.scheduler.QueuedWork;
import io.tokengovernor.core.scheduler.WorkKind;
import io.tokengovernor.persistence.InstantConverter;
import io.tokengovernor.usage.control.WindowCounter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the queue (tasks in state QUEUED, with their package's priority and deadline) and what each
 * project can give: {@code budget − used in the current window − reserved}. One query each, so a pass
 * over a long queue stays cheap.
 */
@ApplicationScoped
public class QueueReader {

    private static final InstantConverter TEXT = new InstantConverter();

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    @Inject
    WindowCounter windows;

    @Inject
    InspectorSettings settings;

    /**
     * The queued work: a task, or a package whose queued tasks wait and resume as one unit (its remaining estimate
     * their sum, its tier the highest of theirs, queued since the first of them). A task stopped by its own
     * budget (spent, or too small for its next call) cannot resume before a raise and is set apart.
     */
    public Queue read(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT t.id, t.project_id,"
                        + " COALESCE(t.tier, p.tier), COALESCE(k.priority, 0), k.deadline, t.queued_at,"
                        + " t.estimated_tokens, t.used_tokens, t.token_budget, p.token_budget, p.budget_window,"
                        + " p.reserved_tokens, t.pause_cause, t.typical_step, t.package_id FROM task t"
                        + " JOIN project p ON p.id = t.project_id LEFT JOIN task_package k ON k.id = t.package_id WHERE t.state = 'QUEUED'")) {
            List<QueuedWork> work = new ArrayList<>();
            Map<String, List<QueuedWork>> packages = new LinkedHashMap<>();
            List<String> needRaise = new ArrayList<>();
            Map<String, ProjectRoom> rooms = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String taskId = rows.getString(1);
                    String projectId = rows.getString(2);
                    long estimated = rows.getLong(7);
                    long used = rows.getLong(8);
                    long taskBudget = rows.getLong(9);
                    rooms.computeIfAbsent(projectId, id -> new ProjectRoom(id, safeLong(rows, 10),
                            BudgetWindow.valueOf(safeString(rows, 11)), safeLong(rows, 12)));
                    String cause = rows.getString(13);
                    if (used >= taskBudget || cause != null && PauseCause.valueOf(cause).needsRaise()) {
                        needRaise.add(taskId);
                        continue;
                    }
                    long remaining = QueuedWork.remainingOf(estimated, used, taskBudget, rows.getLong(14));
                    String queuedAt = rows.getString(6);
                    String deadline = rows.getString(5);
                    QueuedWork task = new QueuedWork(taskId, WorkKind.TASK, projectId, rows.getInt(3), rows.getInt(4),
                            deadline == null ? null : TEXT.convertToEntityAttribute(deadline),
                            queuedAt == null ? now : TEXT.convertToEntityAttribute(queuedAt), remaining);
                    String packageId = rows.getString(15);
                    if (packageId == null) {
                        work.add(task);
                    } else {
                        packages.computeIfAbsent(packageId, id -> new ArrayList<>()).add(task);
                    }
                }
            }
            Map<String, List<String>> members = new HashMap<>();
            packages.forEach((packageId, tasks) -> {
                work.add(unit(packageId, tasks));
                members.put(packageId, tasks.stream().map(QueuedWork::id).toList());
            });
            Map<String, Long> available = new HashMap<>();
            for (ProjectRoom room : rooms.values()) {
                long windowUsed = windows.usedNow(connection, room.projectId(), room.window(), now);
                available.put(room.projectId(), Math.max(0, room.budget() - windowUsed - room.reserved()));
            }
            return new Queue(work, needRaise, available, rooms, members);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the scheduler queue: " + e.getMessage(), e);
        }
    }

    /**
     * The earliest instant after {@code now} at which the budget window of a project with queued work starts
     * afresh; empty when no queued work waits for a window.
     */
    public Optional<Instant> nextWindowReset(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT DISTINCT p.id, p.budget_window"
                        + " FROM project p JOIN task t ON t.project_id = p.id WHERE t.state = 'QUEUED'"
                        + " AND p.budget_window <> 'NONE'")) {
            Instant earliest = null;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    BudgetWindow window = BudgetWindow.valueOf(rows.getString(2));
                    Instant rolling = window == BudgetWindow.ROLLING_5H
                            ? windows.latestStart(connection, rows.getString(1)) : null;
                    Instant next = BudgetWindows.nextStart(window, now, settings.windowZone(), rolling).orElse(null);
                    if (next != null && next.isAfter(now) && (earliest == null || next.isBefore(earliest))) {
                        earliest = next;
                    }
                }
            }
            return Optional.ofNullable(earliest);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the budget windows of queued work: " + e.getMessage(), e);
        }
    }

    private static QueuedWork unit(String packageId, List<QueuedWork> tasks) {
        QueuedWork first = tasks.get(0);
        return new QueuedWork(packageId, WorkKind.PACKAGE, first.projectId(),
                tasks.stream().mapToInt(QueuedWork::tier).min().orElseThrow(), first.priority(), first.deadline(),
                tasks.stream().map(QueuedWork::queuedAt).min(Instant::compareTo).orElseThrow(),
                tasks.stream().mapToLong(QueuedWork::remainingEstimate).sum());
    }

    private static long safeLong(ResultSet rows, int column) {
        try {
            return rows.getLong(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeString(ResultSet rows, int column) {
        try {
            return rows.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a project has to give to its queued work. */
    public record ProjectRoom(String projectId, long budget, BudgetWindow window, long reserved) {
    }

    /**
     * The queue as a pass sees it.
     *
     * @param members the queued tasks of each package unit in {@code work}
     */
    public record Queue(List<QueuedWork> work, List<String> needRaise, Map<String, Long> available,
            Map<String, ProjectRoom> rooms, Map<String, List<String>> members) {

        /** The tasks a unit of work stands for: a package's queued tasks, or the task itself. */
        public List<String> tasksOf(QueuedWork unit) {
            return unit.kind() == WorkKind.PACKAGE ? members.getOrDefault(unit.id(), List.of()) : List.of(unit.id());
        }
    }
}
