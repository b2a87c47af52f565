package io.tokengovernor.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.FlatFields;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.JsonText;
import io.tokengovernor.cli.server.ServerAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "status",
        description = {"Without arguments: a table of all projects.",
                "With LEVEL and ID: the status of one project, agent, task or package.",
                "With --prs --project ID: the project's pull requests (state, reviews, tokens); --refresh asks GitHub first."})
public class StatusCommand extends ServerCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "LEVEL",
            description = "project, agent, task or package.")
    StatusLevel level;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID")
    String id;

    @Option(names = "--prs", description = "The pull requests of --project (opened by token-gov commit --pr).")
    boolean prs;

    @Option(names = "--refresh", description = "With --prs: have the server ask GitHub how they stand first.")
    boolean refresh;

    @Option(names = "--project", paramLabel = "ID", description = "The project whose pull requests --prs shows.")
    String projectId;

    @Override
    protected void run(GovernorServer server, Console console) {
        if (prs || refresh) {
            if (projectId == null || level != null || !prs) {
                throw new ParameterException(spec.commandLine(), "Say status --prs --project ID [--refresh]");
            }
            PullRequestList.show(server, console, projectId, refresh);
        } else if (level == null) {
            listProjects(server, console);
        } else if (id == null) {
            throw new ParameterException(spec.commandLine(), "Missing ID: status " + level.segment() + " needs an id");
        } else {
            showOne(server, console);
        }
    }

    private void showOne(GovernorServer server, Console console) {
        ServerAnswer status = server.get("/api/status/" + level.segment() + "/" + GovernorServer.segment(id));
        if (console.wantsJson()) {
            console.printJson(status.raw());
        } else {
            console.print(FlatFields.asTable(status.json()));
        }
    }

    private void listProjects(GovernorServer server, Console console) {
        ProjectPages pages = ProjectPages.read(server);
        if (console.wantsJson()) {
            console.printJson(pages.json());
            return;
        }
        Table table = Table.withColumns("ID", "NAME", "TIER", "BUDGET", "USED", "REMAINING", "WINDOW");
        for (JsonNode project : pages.projects()) {
            table.row(text(project, "id"), text(project, "name"), text(project, "tier"),
                    text(project, "tokenBudget"), text(project, "usedTokens"),
                    text(project, "remainingTokens"), text(project, "budgetWindow"));
        }
        if (table.isEmpty()) {
            console.line("No projects registered.");
        } else {
            console.print(table);
        }
    }

    private static String text(JsonNode node, String field) {
        return JsonText.of(node.get(field));
    }
}
