package io.tokengovernor.cli.scheduler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resume",
        description = {"Resume by hand: a task, a package's waiting tasks, or the whole queue.",
                "Bypasses the queue's order but not budgets; --force (admin key only) bypasses budgets too."})
public class SchedulerResumeCommand extends ServerCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--force", description = "Resume even without the tokens (admin key only).")
    boolean force;

    /** Exactly one of the three. */
    static class Target {
        @Option(names = "--task", paramLabel = "ID")
        String taskId;
        @Option(names = "--package", paramLabel = "ID")
        String packageId;
        @Option(names = "--all", description = "Every queued task.")
        boolean all;
    }

    @Override
    protected void run(GovernorServer server, Console console) {
        ServerAnswer answer = server.post("/api/scheduler/resume",
                new ResumeRequest(target.taskId, target.packageId, target.all ? Boolean.TRUE : null,
                        force ? Boolean.TRUE : null));
        if (console.wantsJson()) {
            console.printJson(answer.raw());
            return;
        }
        Table table = Table.withColumns("TASK", "RESUMED", "REASON");
        for (JsonNode outcome : answer.json()) {
            table.row(outcome.path("taskId").asText(), outcome.path("resumed").asBoolean() ? "yes" : "no",
                    outcome.path("reason").asText());
        }
        if (table.isEmpty()) {
            console.line("Nothing was waiting.");
        } else {
            console.print(table);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResumeRequest(String taskId, String packageId, Boolean all, Boolean force) {
    }
}
