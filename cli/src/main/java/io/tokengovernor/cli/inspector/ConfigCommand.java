package io.tokengovernor.cli.inspector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.FlatFields;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "config",
        description = {"Show the server's settings, or set a project's checkpoint threshold bounds.",
                "Server-wide defaults come from configuration (GOVERNOR_THRESHOLD_DEFAULT, _MIN, _MAX);",
                "with --project the thresholds of that project change at once."},
        footer = {"", "Examples:",
                "  token-gov config",
                "  token-gov config --project 3f2b8c1e-5d4a-4c1b-9e7f-2a6b8d0c4e11 --adaptive-threshold 0.85 --min 0.6"})
public class ConfigCommand extends ServerCommand {

    @Option(names = "--adaptive-threshold", paramLabel = "SHARE",
            description = "Default checkpoint threshold, a share of the budget in (0, 1], e.g. 0.85.")
    Double threshold;

    @Option(names = "--min", paramLabel = "SHARE", description = "Lowest threshold the adaptive rule may choose.")
    Double min;

    @Option(names = "--max", paramLabel = "SHARE", description = "Highest threshold the adaptive rule may choose.")
    Double max;

    @Option(names = "--project", paramLabel = "ID", description = "The project whose bounds change.")
    String projectId;

    @Override
    protected void run(GovernorServer server, Console console) {
        boolean changing = threshold != null || min != null || max != null;
        if (changing && projectId == null) {
            throw new ParameterException(spec.commandLine(), "Server-wide thresholds are set by configuration "
                    + "(GOVERNOR_THRESHOLD_DEFAULT, GOVERNOR_THRESHOLD_MIN, GOVERNOR_THRESHOLD_MAX) and a restart; "
                    + "pass --project ID to change one project now.");
        }
        if (!changing) {
            ServerAnswer settings = projectId == null ? server.get("/api/config")
                    : server.get("/api/projects/" + GovernorServer.segment(projectId));
            show(console, settings, projectId == null ? settings.json() : settings.json().path("thresholds"));
            return;
        }
        ServerAnswer changed = server.patch("/api/projects/" + GovernorServer.segment(projectId),
                new ThresholdChange(threshold, min, max));
        show(console, changed, changed.json().path("thresholds"));
    }

    private static void show(Console console, ServerAnswer answer, JsonNode part) {
        if (console.wantsJson()) {
            console.printJson(answer.raw());
        } else {
            console.print(FlatFields.asTable(part));
        }
    }

    /** The PATCH body: only the bounds given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ThresholdChange(Double threshold, Double thresholdMin, Double thresholdMax) {
    }
}
