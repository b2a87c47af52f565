package io.tokengovernor.cli.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the Setup agent's plan from {@code workflow_plan.json}; a plan it cannot use is a clear error. */
public final class PlanFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanFile() {
    }

    /** The plan, or an {@link IllegalArgumentException} that says what to do. */
    public static SetupPlan read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + file + ": run token-gov init --inspect first.");
        }
        JsonNode plan;
        try {
            plan = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage()
                    + " — run token-gov init --inspect again.");
        }
        String repository = plan.path("repository").asText("");
        if (!repository.matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException(file + " names no GitHub repository: add \"repository\": \"owner/name\""
                    + " to project_config.json and run token-gov init --inspect again.");
        }
        String defaultBranch = plan.path("defaultBranch").asText("main");
        List<String> branches = new ArrayList<>();
        plan.path("branches").forEach(branch -> branches.add(branch.asText()));
        int callsPerMinute = plan.at("/agents/0/callsPerMinute").asInt(5);
        String[] ownerAndName = repository.split("/", 2);
        return new SetupPlan(ownerAndName[0], ownerAndName[1], defaultBranch, branches,
                RepositoryFiles.of(plan, defaultBranch, callsPerMinute), callsPerMinute);
    }
}
