package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.patch;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DirectiveStreamIT {

    @Test
    void an_agent_listening_on_the_stream_receives_each_directive() throws Exception {
        String projectId = registerProject(newId(), "listener", 1_000_000);
        String taskId = InspectorFlowIT.runningTask(projectId, 1_000);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(GovernorApi.BASE + "/api/projects/" + projectId + "/directives"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        awaitLine(lines, "event: listening");

        InspectorFlowIT.report(taskId, "sse", 850);

        awaitLine(lines, "event: directive");
        String data = awaitLine(lines, "data: ");
        JsonNode directive = GovernorApi.JSON.readTree(data.substring("data: ".length()));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(directive.get("taskId").asText()).isEqualTo(taskId);
        assertThat(directive.get("action").asText()).isEqualTo("CHECKPOINT");
        stream.body().close();
    }

    @Test
    void a_project_can_lower_its_thresholds_and_bad_bounds_are_refused() {
        String projectId = registerProject(newId(), "thresholds", 1_000_000);

        assertThat(patch("/api/projects/" + projectId, "{\"threshold\":0.7,\"thresholdMin\":0.4}").status())
                .isEqualTo(200);
        String taskId = InspectorFlowIT.runningTask(projectId, 10_000);
        JsonNode bounds = get("/api/projects/" + projectId).json().get("thresholds");

        assertThat(bounds.get("default").asDouble()).isEqualTo(0.7);
        assertThat(bounds.get("min").asDouble()).isEqualTo(0.4);
        assertThat(get("/api/tasks/" + taskId + "/directive").json().get("threshold").asDouble()).isEqualTo(0.7);
        assertThat(patch("/api/projects/" + projectId, "{\"thresholdMin\":0.9}").status())
                .as("min above the default").isEqualTo(400);
        assertThat(patch("/api/projects/" + projectId, "{\"threshold\":1.5}").status()).isEqualTo(400);
        assertThat(get("/api/projects/" + projectId).json().get("thresholds").get("min").asDouble()).isEqualTo(0.4);
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within 20 s");
    }
}
