package io.tokengovernor.cli.task;

import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "add", description = "Register a task of a project (safe to repeat with the same --id).")
public class AddTaskCommand extends ServerCommand {

    @Option(names = "--project", required = true, paramLabel = "ID")
    String projectId;

    @Option(names = "--id", paramLabel = "ID", description = "Task id (UUID); the server generates one if absent.")
    String id;

    @Option(names = "--agent", paramLabel = "ID", description = "Id of the agent working on the task.")
    String agentId;

    @Option(names = "--agent-type", paramLabel = "T")
    String agentType;

    @Option(names = "--package", paramLabel = "ID", description = "Work package the task belongs to.")
    String packageId;

    @Option(names = "--parent", paramLabel = "ID", description = "Parent task.")
    String parentTaskId;

    @Option(names = "--complexity", paramLabel = "C", description = "SIMPLE, COMPLEX or VERY_COMPLEX.")
    String complexity;

    @Option(names = "--estimate", paramLabel = "N", description = "Estimated tokens.")
    Long estimatedTokens;

    @Option(names = "--budget", paramLabel = "N", description = "Token budget of this task.")
    Long tokenBudget;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Override
    protected void run(GovernorServer server, Console console) {
        String level = complexity == null ? null : complexity.toUpperCase(Locale.ROOT);
        ServerAnswer task = server.post("/api/tasks/register", new TaskRegistration(id, projectId, agentId,
                agentType, packageId, parentTaskId, level, estimatedTokens, tokenBudget, description));
        if (console.wantsJson()) {
            console.printJson(task.raw());
            return;
        }
        console.line((task.created() ? "Registered task " : "Already registered, unchanged: task ")
                + task.text("id") + " state " + task.text("state") + " complexity " + task.text("complexity")
                + " estimate " + task.text("estimatedTokens") + " budget " + task.text("tokenBudget"));
    }
}
