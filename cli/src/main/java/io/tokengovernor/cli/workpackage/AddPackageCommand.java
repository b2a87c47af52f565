package io.tokengovernor.cli.workpackage;

import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "add", description = "Register a work package of a project (safe to repeat with the same --id).")
public class AddPackageCommand extends ServerCommand {

    @Option(names = "--project", required = true, paramLabel = "ID")
    String projectId;

    @Option(names = "--id", paramLabel = "ID", description = "Package id (UUID); the server generates one if absent.")
    String id;

    @Option(names = "--task", paramLabel = "ID", split = ",",
            description = "Task in the package; repeat the option or separate ids with commas.")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--estimate", paramLabel = "N", description = "Estimated tokens.")
    Long estimatedTokens;

    @Option(names = "--priority", paramLabel = "N")
    Integer priority;

    @Option(names = "--not-before", paramLabel = "RFC3339", converter = Rfc3339.class,
            description = "Earliest start, e.g. 2025-01-31T08:00:00Z.")
    String notBefore;

    @Option(names = "--deadline", paramLabel = "RFC3339", converter = Rfc3339.class)
    String deadline;

    @Override
    protected void run(GovernorServer server, Console console) {
        List<String> tasks = taskIds.stream().map(String::strip).filter(task -> !task.isEmpty()).toList();
        ServerAnswer workPackage = server.post("/api/packages/register", new PackageRegistration(
                id, projectId, tasks, estimatedTokens, priority, notBefore, deadline));
        if (console.wantsJson()) {
            console.printJson(workPackage.raw());
            return;
        }
        console.line((workPackage.created() ? "Registered package " : "Already registered, unchanged: package ")
                + workPackage.text("id") + " tasks " + workPackage.json().path("taskIds").size()
                + " estimate " + workPackage.text("estimatedTokens") + " priority " + workPackage.text("priority")
                + " deadline " + workPackage.text("deadline"));
    }
}
