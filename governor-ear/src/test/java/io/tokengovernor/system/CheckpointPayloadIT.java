package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.newId;
import static io.tokengovernor.system.GovernorApi.post;
import static io.tokengovernor.system.GovernorApi.registerProject;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Payloads the governor keeps are AES-256-GCM sealed at rest and come back intact. */
class CheckpointPayloadIT {

    private static final Path SERVER_DIR = TestServerSettings.SERVER_DIR;

    @Test
    void a_stored_payload_is_encrypted_at_rest_and_read_back_intact() throws Exception {
        TestServerSettings.ensureApplied();
        String taskId = InspectorFlowIT.runningTask(registerProject(newId(), "payloads", 1_000_000), 10_000);
        String checkpointId = post("/api/tasks/" + taskId + "/checkpoints",
                "{\"uri\":\"governor:payload\",\"summary\":\"kept by the governor\"}").json().get("id").asText();
        String jsonl = "{\"role\":\"user\",\"content\":\"secret plan alpha\"}\n{\"step\":2}\n";

        Answer stored = put(taskId, checkpointId, jsonl, GovernorApi.adminKey());
        Answer read = get(taskId, checkpointId, GovernorApi.adminKey());
        Answer anonymous = get(taskId, checkpointId, null);
        Answer notJsonLines = put(taskId, checkpointId, "{\"ok\":1}\nnot json\n", GovernorApi.adminKey());

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("sizeBytes").asInt()).isEqualTo(jsonl.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(jsonl);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(notJsonLines.status()).isEqualTo(400);
        assertThat(get(taskId, checkpointId, GovernorApi.adminKey()).body()).as("unchanged").isEqualTo(jsonl);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + SERVER_DIR.resolve("token-governor.db"));
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT sealed FROM checkpoint_payload WHERE checkpoint_id = '" + checkpointId + "'")) {
            assertThat(row.next()).isTrue();
            String sealed = new String(Base64.getDecoder().decode(row.getString(1)), StandardCharsets.ISO_8859_1);
            assertThat(sealed).doesNotContain("secret plan");
        }
    }

    private static Answer put(String taskId, String checkpointId, String jsonl, String key) {
        return GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api/tasks/" + taskId
                + "/checkpoints/" + checkpointId + "/payload"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + key)
                .PUT(HttpRequest.BodyPublishers.ofString(jsonl)));
    }

    private static Answer get(String taskId, String checkpointId, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api/tasks/" + taskId
                + "/checkpoints/" + checkpointId + "/payload")).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return GovernorApi.send(request);
    }
}
