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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A crash after a 2xx must not lose the acknowledged events, nor count any twice. */
class CrashDurabilityIT {

    private static final int BATCH = 200;
    private static final long TOKENS_PER_EVENT = 110;

    @Test
    void a_scheduler_pass_cut_short_by_kill_minus_9_resumes_nothing_twice() throws Exception {
        String projectId = registerProject(newId(), "crash-pass", 40 * 1_000L);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String taskId = post("/api/tasks/register", """
                    {"projectId":"%s","tokenBudget":100000,"estimatedTokens":1000}""".formatted(projectId))
                    .json().get("id").asText();
            post("/api/tasks/" + taskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"start\"}");
            post("/api/tasks/" + taskId + "/checkpoints", "{\"uri\":\"s3://cp/" + taskId + "\"}");
            tasks.add(taskId);
        }
        for (String taskId : tasks) {
            InspectorFlowIT.report(taskId, "work", 1_000);
        }
        for (String taskId : tasks) {
            InspectorFlowIT.report(taskId, "more", 1);
        }
        assertThat(queuedCount(tasks)).as("every task paused for the project's budget and queued").isEqualTo(40);
        GovernorApi.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(GovernorApi.BASE
                + "/api/scheduler/rules")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"resumesPerMinute\":6000}")));

        GovernorApi.patch("/api/projects/" + projectId, "{\"tokenBudget\":100000000}");
        ServerProcess.killAndRestart();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (queuedCount(tasks) > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertThat(queuedCount(tasks)).as("all resumed after the restart").isZero();
        for (String taskId : tasks) {
            List<String> moves = new ArrayList<>();
            get("/api/tasks/" + taskId).json().get("transitions")
                    .forEach(t -> moves.add(t.path("from").asText() + ">" + t.get("to").asText()));
            assertThat(moves.stream().filter("QUEUED>RUNNING"::equals).count()).as(taskId).isEqualTo(1);
        }
        GovernorApi.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(GovernorApi.BASE
                + "/api/scheduler/rules")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static long queuedCount(List<String> tasks) {
        return tasks.stream().filter(id -> "QUEUED".equals(get("/api/tasks/" + id).json().get("state").asText()))
                .count();
    }

    @Test
    void every_acknowledged_event_survives_kill_minus_9_exactly_once() throws Exception {
        String projectId = registerProject(newId(), "crash", Long.MAX_VALUE / 4);
        String taskId = InspectorFlowIT.runningTask(projectId, Long.MAX_VALUE / 4);
        List<String> acknowledged = new ArrayList<>();
        List<String> sent = new ArrayList<>();

        for (int trial = 0; trial < 3; trial++) {
            CountDownLatch someAcknowledged = new CountDownLatch(3);
            int round = trial;
            Thread client = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String batch = UsageLedgerIT.batch(taskId, "t" + round + "-b" + n, BATCH, 100);
                    synchronized (sent) {
                        sent.add(batch);
                    }
                    try {
                        Answer answer = post("/api/usage/batch", batch);
                        if (answer.status() != 200) {
                            return;
                        }
                        synchronized (acknowledged) {
                            acknowledged.add(batch);
                        }
                        someAcknowledged.countDown();
                    } catch (RuntimeException serverGone) {
                        return;
                    }
                }
            });
            client.start();
            assertThat(someAcknowledged.await(60, TimeUnit.SECONDS)).as("batches acknowledged before the kill").isTrue();

            ServerProcess.killAndRestart();
            client.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(client.isAlive()).isFalse();

            // every acknowledged batch is there: sending it again finds every event already recorded
            for (String batch : acknowledged) {
                JsonNode again = post("/api/usage/batch", batch).json();
                assertThat(again.get("duplicates").asInt()).isEqualTo(BATCH);
                assertThat(again.get("accepted").asInt()).isZero();
            }
        }
        // the batches cut off by the kill may or may not have landed; sent again, each counts once
        for (String batch : sent) {
            assertThat(post("/api/usage/batch", batch).status()).isEqualTo(200);
        }
        long expected = (long) sent.size() * BATCH * TOKENS_PER_EVENT;
        assertThat(get("/api/tasks/" + taskId).json().get("usedTokens").asLong()).isEqualTo(expected);
        assertThat(get("/api/projects/" + projectId).json().get("usedTokens").asLong()).isEqualTo(expected);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(9);
    }
}
