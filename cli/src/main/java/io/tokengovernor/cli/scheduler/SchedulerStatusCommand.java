package io.tokengovernor.cli.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", description = "The queue, oldest first, with each task's predicted resume.")
public class SchedulerStatusCommand extends ServerCommand {

    @Option(names = "--project", paramLabel = "ID", description = "Only this project's queued tasks.")
    String projectId;

    @Override
    protected void run(GovernorServer server, Console console) {
        JsonNode status = server.get("/api/scheduler/status").json();
        String path = "/api/scheduler/queue" + (projectId == null ? "" : "?projectId="
                + GovernorServer.segment(projectId));
        JsonNode queue = server.get(path).json();
        if (console.wantsJson()) {
            console.printJson("{\"status\":" + status + ",\"queue\":" + queue + "}");
            return;
        }
        console.line(status.path("queued").asInt() + " queued; " + status.path("resumesLastMinute").asInt()
                + " of " + status.path("resumesPerMinute").asInt() + " resumes used this minute; a pass every "
                + status.path("passIntervalSeconds").asInt() + " s");
        Table table = Table.withColumns("TASK", "PROJECT", "TIER", "QUEUED", "USED/BUDGET", "PREDICTION", "RESUME AT");
        for (JsonNode task : queue) {
            table.row(task.path("taskId").asText(), task.path("projectId").asText(), task.path("tier").asText(),
                    task.path("queuedAt").asText(), task.path("usedTokens").asLong() + "/"
                            + task.path("tokenBudget").asLong(),
                    task.path("prediction").asText("-"), task.path("predictedResumeAt").asText("-"));
        }
        if (!table.isEmpty()) {
            console.print(table);
        }
    }
}
