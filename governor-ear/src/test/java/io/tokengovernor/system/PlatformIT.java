package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's own endpoints: OpenAPI document and UI, health. */
class PlatformIT {

    @Test
    void openapi_documents_every_operation_with_its_schemas() {
        Answer answer = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/openapi"))
                .header("Accept", "application/json"));

        assertThat(answer.status()).isEqualTo(200);
        // paths are relative to the server entry, which carries the context root
        assertThat(answer.json().get("servers").get(0).get("url").asText()).endsWith("/api");
        JsonNode paths = answer.json().get("paths");
        assertThat(paths.has("/projects/register")).isTrue();
        assertThat(paths.get("/projects/{id}").has("get")).isTrue();
        assertThat(paths.get("/projects/{id}").has("patch")).isTrue();
        for (String path : List.of("/projects", "/tasks/register", "/tasks", "/tasks/{id}",
                "/tasks/{id}/transitions", "/packages/register", "/packages/{id}", "/agents",
                "/status/{level}/{id}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode schemas = answer.json().get("components").get("schemas");
        assertThat(schemas.get("Project").get("properties").has("remainingTokens")).isTrue();
        assertThat(schemas.get("ProjectRegistration").get("properties").has("tokenBudget")).isTrue();
        assertThat(schemas.get("Task").get("properties").has("transitions")).isTrue();
        assertThat(schemas.get("Problem").get("properties").has("detail")).isTrue();
    }

    @Test
    void the_openapi_ui_is_served() {
        Answer ui = get("/openapi/ui/");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @Test
    void health_reports_liveness_and_readiness_including_the_database() {
        JsonNode ready = get("/health/ready").json();
        JsonNode live = get("/health/live").json();

        assertThat(ready.get("status").asText()).isEqualTo("UP");
        assertThat(ready.toString()).contains("database").contains("SQLite");
        assertThat(live.get("status").asText()).isEqualTo("UP");
    }
}
