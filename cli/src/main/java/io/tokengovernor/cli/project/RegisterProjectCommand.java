package io.tokengovernor.cli.project;

import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "register", description = "Register a project with its token budget (safe to repeat).")
public class RegisterProjectCommand extends ServerCommand {

    @Option(names = "--id", paramLabel = "ID", description = "Project id (UUID); the server generates one if absent.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Option(names = "--owner", required = true, paramLabel = "OWNER")
    String owner;

    @Option(names = "--budget", required = true, paramLabel = "N", description = "Token budget.")
    long budget;

    @Option(names = "--tier", required = true, paramLabel = "1|2", description = "Service tier, 1 or 2.")
    int tier;

    @Option(names = "--window", paramLabel = "WINDOW",
            description = "Budget window: NONE, ROLLING_5H, DAILY, WEEKLY or MONTHLY. Server default if absent.")
    String window;

    @Option(names = "--soft-limit", paramLabel = "N", description = "Tokens after which the project is warned.")
    Long softLimit;

    @Option(names = "--webhook-url", paramLabel = "URL")
    String webhookUrl;

    @Option(names = "--webhook-secret", paramLabel = "S")
    String webhookSecret;

    @Override
    protected void run(GovernorServer server, Console console) {
        // The window list belongs to the server; the CLI only forgives lower case.
        String budgetWindow = window == null ? null : window.toUpperCase(Locale.ROOT);
        ServerAnswer project = server.post("/api/projects/register", new ProjectRegistration(
                id, name, owner, tier, budget, budgetWindow, softLimit, webhookUrl, webhookSecret));
        if (console.wantsJson()) {
            console.printJson(project.raw());
            return;
        }
        String verb = project.created() ? "Registered project " : "Already registered, unchanged: project ";
        String answeredWindow = project.text("budgetWindow");
        console.line(verb + project.text("name") + " (" + project.text("id") + ")"
                + " budget " + project.text("tokenBudget") + " tier " + project.text("tier")
                + ("NONE".equals(answeredWindow) || "-".equals(answeredWindow) ? "" : " window " + answeredWindow));
        if (project.json().hasNonNull("apiKey")) {
            console.line("API key: " + project.text("apiKey") + "  (shown only once - store it now)");
        }
    }
}
