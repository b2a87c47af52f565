package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.core.notify.WebhookSignature;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhooksIT {

    private static final String SECRET = "receiver-shared-secret";

    @Test
    void threshold_and_pause_events_arrive_signed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String taskId = InspectorFlowIT.runningTask(project(receiver.url()), 1_000);

            InspectorFlowIT.report(taskId, "w1", 800);
            List<WebhookReceiver.Delivery> deliveries = List.of(receiver.next(20), receiver.next(20));
            post("/api/tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"by hand\"}".formatted(taskId));
            WebhookReceiver.Delivery paused = receiver.next(20);
            WebhookReceiver.Delivery alert = receiver.next(20);

            assertThat(deliveries).extracting(WebhookReceiver.Delivery::event)
                    .containsExactlyInAnyOrder("threshold_crossed", "checkpoint_requested");
            for (WebhookReceiver.Delivery delivery : List.of(deliveries.get(0), deliveries.get(1), paused, alert)) {
                assertThat(WebhookSignature.verify(SECRET, delivery.body(), delivery.signature()))
                        .as("signature of %s", delivery.event()).isTrue();
            }
            JsonNode pausedBody = GovernorApi.JSON.readTree(paused.body());
            assertThat(paused.event()).isEqualTo("paused");
            assertThat(pausedBody.get("data").get("taskId").asText()).isEqualTo(taskId);
            assertThat(pausedBody.get("data").get("checkpointSaved").asBoolean()).isFalse();
            assertThat(alert.event()).as("a pause without a checkpoint is alerted").isEqualTo("error");
        }
    }

    @Test
    void a_failing_receiver_is_retried_with_backoff_and_then_kept_as_a_dead_letter() throws Exception {
        try (WebhookReceiver flaky = WebhookReceiver.start().thenAnswer(500, 503);
                WebhookReceiver broken = WebhookReceiver.start().alwaysAnswer(500)) {
            String flakyProject = project(flaky.url());
            String brokenProject = project(broken.url());

            post("/api/tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"x\"}"
                    .formatted(InspectorFlowIT.runningTask(flakyProject, 1_000)));
            post("/api/tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"x\"}"
                    .formatted(InspectorFlowIT.runningTask(brokenProject, 1_000)));

            List<String> flakyAttempts = new ArrayList<>();
            while (flakyAttempts.size() < 3) {
                WebhookReceiver.Delivery attempt = flaky.next(30);
                if (attempt.event().equals("paused")) {
                    flakyAttempts.add(attempt.deliveryId());
                }
            }
            JsonNode delivered = awaitState(flakyProject, "paused", "DELIVERED", Duration.ofSeconds(30));
            JsonNode dead = awaitState(brokenProject, "paused", "DEAD", Duration.ofSeconds(60));

            assertThat(flakyAttempts).as("the same message, retried").containsOnly(flakyAttempts.get(0));
            assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
            assertThat(dead.get("attempts").asInt()).as("first try and 3 retries").isEqualTo(4);
            assertThat(dead.get("lastError").asText()).contains("HTTP 500");
            assertThat(get("/api/errors?projectId=" + brokenProject).json().toString()).contains("dead letter");
        }
    }

    @Test
    void each_project_with_a_webhook_gets_a_periodic_status_report() throws Exception {
        TestServerSettings.ensureApplied();
        try (WebhookReceiver receiver = WebhookReceiver.start().keepingReports()) {
            String projectId = project(receiver.url());
            InspectorFlowIT.runningTask(projectId, 1_000);

            WebhookReceiver.Delivery report = receiver.next(30);

            assertThat(report.event()).isEqualTo("report");
            assertThat(WebhookSignature.verify(SECRET, report.body(), report.signature())).isTrue();
            JsonNode data = GovernorApi.JSON.readTree(report.body()).get("data");
            assertThat(data.get("id").asText()).isEqualTo(projectId);
            assertThat(data.get("budget").asLong()).isEqualTo(1_000_000);
            assertThat(data.has("counts.tasks")).isTrue();
        }
    }

    @Test
    void the_outbox_survives_a_server_restart() throws Exception {
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        String projectId = project("http://127.0.0.1:" + port + "/hook");
        String taskId = InspectorFlowIT.runningTask(projectId, 1_000);
        post("/api/tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"before restart\"}".formatted(taskId));

        ServerProcess.restart();
        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            WebhookReceiver.Delivery delivery = receiver.next(60);
            while (!delivery.event().equals("paused")) {
                delivery = receiver.next(60);
            }
            assertThat(GovernorApi.JSON.readTree(delivery.body()).get("data").get("taskId").asText())
                    .isEqualTo(taskId);
        }
    }

    private static String project(String webhookUrl) {
        String id = newId();
        assertThat(post("/api/projects/register", """
                {"id":"%s","name":"hooked","owner":"o","tier":1,"tokenBudget":1000000,
                 "webhookUrl":"%s","webhookSecret":"%s"}""".formatted(id, webhookUrl, SECRET)).status())
                .isEqualTo(201);
        return id;
    }

    /** Polls the project's deliveries until the event's message reaches the state. */
    private static JsonNode awaitState(String projectId, String event, String state, Duration limit)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode delivery : get("/api/projects/" + projectId + "/webhooks").json()) {
                if (delivery.get("event").asText().equals(event)) {
                    last = delivery;
                    if (delivery.get("state").asText().equals(state)) {
                        return delivery;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError(event + " did not become " + state + " within " + limit + "; last seen " + last);
    }
}
