package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UsageLedgerIT {

    @Test
    void the_same_batch_sent_twice_counts_once() {
        String projectId = registerProject(newId(), "idempotent", 10_000_000);
        String taskId = InspectorFlowIT.runningTask(projectId, 1_000_000);
        String batch = batch(taskId, "dup", 50, 100);

        JsonNode first = post("/api/usage/batch", batch).json();
        JsonNode second = post("/api/usage/batch", batch).json();

        assertThat(first.get("accepted").asInt()).isEqualTo(50);
        assertThat(first.get("duplicates").asInt()).isZero();
        assertThat(second.get("accepted").asInt()).isZero();
        assertThat(second.get("duplicates").asInt()).isEqualTo(50);
        assertThat(get("/api/tasks/" + taskId).json().get("usedTokens").asLong()).isEqualTo(50 * 110);
        assertThat(get("/api/projects/" + projectId).json().get("usedTokens").asLong()).isEqualTo(50 * 110);
    }

    @Test
    void a_batch_naming_an_unknown_task_records_nothing() {
        String taskId = InspectorFlowIT.runningTask(registerProject(newId(), "atomic", 10_000), 10_000);
        String good = event(taskId, "ok-" + newId(), 10);
        String bad = event(newId(), "bad-" + newId(), 10);

        Answer answer = post("/api/usage/batch", "{\"events\":[" + good + "," + bad + "]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("events[1].taskId");
        assertThat(get("/api/tasks/" + taskId).json().get("usedTokens").asLong()).isZero();
    }

    @Test
    void hostile_usage_bodies_are_refused() {
        String taskId = InspectorFlowIT.runningTask(registerProject(newId(), "hostile", 10_000), 10_000);

        assertThat(post("/api/usage", "{\"eventId\":\"x\",\"taskId\":\"" + taskId
                + "\",\"timestamp\":\"yesterday\",\"inputTokens\":1,\"outputTokens\":1}").status()).isEqualTo(400);
        assertThat(post("/api/usage", "{\"eventId\":\"x\",\"taskId\":\"" + taskId
                + "\",\"timestamp\":\"2026-11-29T10:00:00Z\",\"inputTokens\":-1,\"outputTokens\":1}").status())
                .isEqualTo(400);
        assertThat(post("/api/usage/batch", "{\"events\":[]}").status()).isEqualTo(400);
        assertThat(post("/api/usage/batch", "{\"events\":[null]}").status()).isEqualTo(400);
        assertThat(post("/api/usage/batch", batch(taskId, "many", 10_001, 1)).status()).isEqualTo(400);
        assertThat(get("/api/tasks/" + taskId).json().get("usedTokens").asLong()).isZero();
    }

    @Test
    void concurrent_clients_are_never_granted_more_than_the_budget_and_counters_match_the_ledger()
            throws Exception {
        long budget = 200_000;
        String projectId = registerProject(newId(), "contended", budget);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(InspectorFlowIT.runningTask(projectId, budget));
        }
        ExecutorService clients = Executors.newFixedThreadPool(64);
        // phase 1: 64 clients ask for 640 x 500 tokens at once, holding what they get
        List<Future<List<String[]>>> holds = new ArrayList<>();
        for (int client = 0; client < 64; client++) {
            String taskId = tasks.get(client % tasks.size());
            holds.add(clients.submit(() -> {
                List<String[]> mine = new ArrayList<>();
                for (int call = 0; call < 10; call++) {
                    JsonNode reservation = post("/api/tasks/" + taskId + "/reservations",
                            "{\"tokens\":500,\"ttlSeconds\":600}").json();
                    if (reservation.path("granted").asBoolean()) {
                        mine.add(new String[] {taskId, reservation.get("reservationId").asText()});
                    }
                }
                return mine;
            }));
        }
        List<String[]> granted = new ArrayList<>();
        for (Future<List<String[]>> hold : holds) {
            granted.addAll(hold.get(5, TimeUnit.MINUTES));
        }
        assertThat(granted.size() * 500L).as("tokens granted together").isEqualTo(budget);
        assertThat(get("/api/projects/" + projectId).json().get("reservedTokens").asLong()).isEqualTo(budget);

        // phase 2: every holder reports what it spent, concurrently, naming its reservation
        AtomicLong reported = new AtomicLong();
        List<Future<?>> reports = new ArrayList<>();
        for (int i = 0; i < granted.size(); i++) {
            String[] hold = granted.get(i);
            long spent = 100 + (i * 37L) % 400;
            int eventNo = i;
            reports.add(clients.submit(() -> {
                Answer answer = post("/api/usage", """
                        {"eventId":"c-%d-%s","taskId":"%s","timestamp":"2026-11-29T10:00:00Z",
                         "inputTokens":%d,"outputTokens":0,"reservationId":"%s"}"""
                        .formatted(eventNo, hold[1], hold[0], spent, hold[1]));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                reported.addAndGet(spent);
                return null;
            }));
        }
        for (Future<?> report : reports) {
            report.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();

        JsonNode project = get("/api/projects/" + projectId).json();
        long taskSum = 0;
        for (String taskId : tasks) {
            taskSum += get("/api/tasks/" + taskId).json().get("usedTokens").asLong();
        }
        assertThat(project.get("usedTokens").asLong()).isEqualTo(reported.get());
        assertThat(taskSum).isEqualTo(reported.get());
        assertThat(project.get("reservedTokens").asLong()).as("every reservation settled").isZero();
    }

    static String batch(String taskId, String prefix, int count, long input) {
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < count; i++) {
            events.append(i == 0 ? "" : ",").append(event(taskId, prefix + "-" + taskId + "-" + i, input));
        }
        return events.append("]}").toString();
    }

    static String event(String taskId, String eventId, long input) {
        return """
                {"eventId":"%s","taskId":"%s","timestamp":"2026-11-29T10:00:00Z","model":"claude-sonnet-4-5",
                 "inputTokens":%d,"outputTokens":10}""".formatted(eventId, taskId, input);
    }
}
