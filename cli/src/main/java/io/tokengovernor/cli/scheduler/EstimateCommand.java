package io.tokengovernor.cli.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.FlatFields;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "estimate",
        description = {"Estimate a task's tokens from the history of similar completed tasks, with the expected error.",
                "Falls back to the complexity heuristic while fewer than 5 such tasks completed."})
public class EstimateCommand extends ServerCommand {

    /** The design's complexity bands. */
    enum Complexity { SIMPLE, COMPLEX, VERY_COMPLEX }

    @Option(names = "--complexity", required = true, description = "SIMPLE, COMPLEX or VERY_COMPLEX.")
    Complexity complexity;

    @Option(names = "--agent-type", paramLabel = "TYPE", description = "Only tasks of agents of this type.")
    String agentType;

    @Option(names = "--project", paramLabel = "ID", description = "Only tasks of this project.")
    String projectId;

    @Override
    protected void run(GovernorServer server, Console console) {
        StringBuilder query = new StringBuilder("/api/estimate?complexity=").append(complexity.name());
        if (agentType != null) {
            query.append("&agentType=").append(GovernorServer.segment(agentType));
        }
        if (projectId != null) {
            query.append("&projectId=").append(GovernorServer.segment(projectId));
        }
        ServerAnswer answer = server.get(query.toString());
        if (console.wantsJson()) {
            console.printJson(answer.raw());
            return;
        }
        JsonNode estimate = answer.json();
        String error = estimate.has("expectedError")
                ? " ± " + Math.round(estimate.get("expectedError").asDouble() * 100) + " %" : "";
        console.line("Estimate " + estimate.path("estimate").asLong() + " tokens" + error + " (p75 "
                + estimate.path("p75").asLong() + ", " + estimate.path("samples").asInt() + " samples, from "
                + estimate.path("source").asText().toLowerCase(java.util.Locale.ROOT) + ")");
        console.print(FlatFields.asTable(estimate));
    }
}
