package io.tokengovernor.usage.control;

import io.tokengovernor.ForbiddenException;
import io.tokengovernor.InvalidRequestException;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.inspector.boundary.TaskInspector;
import io.tokengovernor.persistence.InstantConverter;
import io.tokengovernor.usage.entity.RecordedBatch;
import io.tokengovernor.usage.entity.UsageBatch;
import io.tokengovernor.usage.entity.UsageEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes a group of usage batches in ONE transaction: the ledger rows (repeats ignored by their
 * event id), the settled reservations and every counter (task, package, project, agent, project
 * window) move together, and each touched task's directive is decided on the result. Plain JDBC:
 * this is the hot path, and batched statements are what make SQLite fast.
 */
@Stateless
public class LedgerBook {

    private static final InstantConverter TEXT = new InstantConverter();

    @Resource(lookup = "jdbc/governor")
    DataSource dataSource;

    @Inject
    WindowCounter windows;

    @Inject
    TaskInspector inspector;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<RecordedBatch> record(List<UsageBatch> batches) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, TaskRow> tasks = tasksOf(connection, batches);
            List<int[]> inserted = new ArrayList<>();
            Counters counters = new Counters();
            for (UsageBatch batch : batches) {
                int[] fresh = insert(connection, batch, tasks, now);
                inserted.add(fresh);
                for (int i = 0; i < batch.size(); i++) {
                    if (fresh[i] > 0) {
                        counters.add(batch.get(i), tasks.get(batch.get(i).taskId()));
                    }
                }
            }
            // counters first: they lock the group's task, package and project rows in the reservations' order,
            // and settling then only touches rows this transaction already holds
            counters.apply(connection, windows, now);
            settleReservations(connection, batches, inserted, now);
            Map<String, Directive> directives = new HashMap<>();
            for (String taskId : counters.touchedTasks()) {
                directives.put(taskId, inspector.enforce(taskId));
            }
            return outcomes(batches, inserted, tasks, directives);
        } catch (SQLException e) {
            throw new IllegalStateException("the usage ledger could not be written: " + e.getMessage(), e);
        }
    }

    private List<RecordedBatch> outcomes(List<UsageBatch> batches, List<int[]> inserted,
            Map<String, TaskRow> tasks, Map<String, Directive> directives) {
        List<RecordedBatch> outcomes = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            int accepted = 0;
            Set<String> touched = new LinkedHashSet<>();
            for (int i = 0; i < batches.get(b).size(); i++) {
                accepted += inserted.get(b)[i] > 0 ? 1 : 0;
                touched.add(batches.get(b).get(i).taskId());
            }
            List<Directive> answer = new ArrayList<>();
            for (String taskId : touched) {
                Directive directive = directives.get(taskId);
                answer.add(directive != null ? directive : inspector.directiveFor(taskId));
            }
            outcomes.add(new RecordedBatch(accepted, batches.get(b).size() - accepted, answer));
        }
        return outcomes;
    }

    private static Map<String, TaskRow> tasksOf(Connection connection, List<UsageBatch> batches)
            throws SQLException {
        Map<String, TaskRow> tasks = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT t.id, t.project_id, t.agent_id,"
                + " t.package_id, p.budget_window FROM task t JOIN project p ON p.id = t.project_id WHERE t.id = ?")) {
            for (UsageBatch batch : batches) {
                for (int i = 0; i < batch.size(); i++) {
                    String taskId = batch.get(i).taskId();
                    if (!tasks.containsKey(taskId)) {
                        tasks.put(taskId, taskRow(query, taskId, i));
                    }
                    String owner = tasks.get(taskId).projectId();
                    if (batch.scopeProjectId() != null && !batch.scopeProjectId().equals(owner)) {
                        throw new ForbiddenException("events[" + i + "] names task " + taskId + " of project "
                                + owner + "; this key belongs to project " + batch.scopeProjectId() + ".");
                    }
                }
            }
        }
        return tasks;
    }

    private static TaskRow taskRow(PreparedStatement query, String taskId, int index) throws SQLException {
        query.setString(1, taskId);
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new InvalidRequestException("events[" + index + "].taskId",
                        "no task with id " + taskId + " is registered");
            }
            return new TaskRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    BudgetWindow.valueOf(row.getString(5)));
        }
    }

    private static int[] insert(Connection connection, UsageBatch batch, Map<String, TaskRow> tasks,
            Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_event (event_id, task_id,"
                + " agent_id, project_id, occurred_at, model, input_tokens, output_tokens, cache_creation_tokens,"
                + " cache_read_tokens, total_tokens, cost_usd, source, reservation_id, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            String recordedAt = TEXT.convertToDatabaseColumn(now);
            for (UsageEvent event : batch.events()) {
                TaskRow task = tasks.get(event.taskId());
                insert.setString(1, event.eventId());
                insert.setString(2, event.taskId());
                insert.setString(3, task.agentId());
                insert.setString(4, task.projectId());
                insert.setString(5, TEXT.convertToDatabaseColumn(event.timestamp()));
                insert.setString(6, event.model());
                insert.setLong(7, event.inputTokens());
                insert.setLong(8, event.outputTokens());
                insert.setLong(9, event.cacheCreationTokens());
                insert.setLong(10, event.cacheReadTokens());
                insert.setLong(11, event.totalTokens());
                if (event.costUsd() == null) {
                    insert.setNull(12, java.sql.Types.DOUBLE);
                } else {
                    insert.setDouble(12, event.costUsd());
                }
                insert.setString(13, event.source());
                insert.setString(14, event.reservationId());
                insert.setString(15, recordedAt);
                insert.addBatch();
            }
            return insert.executeBatch();
        }
    }

    /** New events that name a held reservation of their task settle it: its tokens stop being held. */
    private static void settleReservations(Connection connection, List<UsageBatch> batches,
            List<int[]> inserted, Instant now) throws SQLException {
        Map<String, String> reservationTasks = new LinkedHashMap<>();
        for (int b = 0; b < batches.size(); b++) {
            for (int i = 0; i < batches.get(b).size(); i++) {
                UsageEvent event = batches.get(b).get(i);
                if (inserted.get(b)[i] > 0 && event.reservationId() != null) {
                    reservationTasks.put(event.reservationId(), event.taskId());
                }
            }
        }
        for (Map.Entry<String, String> reservation : reservationTasks.entrySet()) {
            ReservationRelease.close(connection, reservation.getKey(), reservation.getValue(), "SETTLED", now);
        }
    }

    /** The ownership of a task as the ledger needs it. */
    record TaskRow(String id, String projectId, String agentId, String packageId, BudgetWindow window) {
    }
}
