package io.tokengovernor.cli.pr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.cli.setup.PlanFile;
import io.tokengovernor.cli.setup.SetupPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the PR agent takes from {@code workflow_plan.json}: the repository, its default branch, the calls a minute,
 * and — when the plan was stored on the server — the project and the plan's version; the agents' roles for the
 * body.
 */
record PlanFacts(String repository, String defaultBranch, int callsPerMinute, String projectId, Integer version,
        String roles) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The facts, or an {@link IllegalArgumentException} that says what to do. */
    static PlanFacts read(Path file) {
        SetupPlan plan = PlanFile.read(file);
        JsonNode document;
        try {
            document = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not readable: " + e.getMessage());
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode agent : document.path("agents")) {
            List<String> names = new ArrayList<>();
            agent.path("roles").forEach(role -> names.add(role.asText()));
            roles.add(agent.path("id").asText() + ": " + String.join(", ", names));
        }
        JsonNode version = document.get("version");
        JsonNode project = document.get("projectId");
        return new PlanFacts(plan.fullName(), plan.defaultBranch(), plan.callsPerMinute(),
                project == null || project.isNull() ? null : project.asText(),
                version == null || !version.canConvertToInt() ? null : version.asInt(), String.join("; ", roles));
    }
}
