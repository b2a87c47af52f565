package io.tokengovernor.cli.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ServerCommand;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerAnswer;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "errors",
        description = {"List the server's error log: failed webhook calls, refused requests, alerts.",
                "With --notify, also POST the list as JSON to a webhook URL."})
public class ErrorsCommand extends ServerCommand {

    @Option(names = "--since", paramLabel = "WHEN",
            description = "RFC 3339 time (2026-11-29T10:00:00Z) or a duration back from now (30m, 2h, 7d).")
    String since;

    @Option(names = "--project", paramLabel = "ID", description = "Only this project's errors.")
    String projectId;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (1-1000), newest first.")
    int limit;

    @Option(names = "--notify", paramLabel = "URL", description = "POST the list to this webhook URL.")
    URI notify;

    @Option(names = "--secret", paramLabel = "SECRET",
            description = "Sign the --notify body with HMAC-SHA256 (X-TokenGovernor-Signature), as the server does.")
    String secret;

    @Override
    protected void run(GovernorServer server, Console console) {
        StringBuilder query = new StringBuilder("/api/errors?limit=").append(limit);
        if (since != null) {
            query.append("&since=").append(GovernorServer.segment(sinceInstant()));
        }
        if (projectId != null) {
            query.append("&projectId=").append(GovernorServer.segment(projectId));
        }
        ServerAnswer errors = server.get(query.toString());
        if (notify != null) {
            new ErrorNotice(notify, secret).send(errors.raw());
        }
        if (console.wantsJson()) {
            console.printJson(errors.raw());
            return;
        }
        Table table = Table.withColumns("TIME", "KIND", "SOURCE", "DETAIL");
        for (JsonNode entry : errors.json()) {
            table.row(entry.path("occurredAt").asText(), entry.path("kind").asText(), entry.path("source").asText(),
                    entry.path("detail").asText());
        }
        if (table.isEmpty()) {
            console.line("No errors" + (since == null ? "." : " since " + since + "."));
        } else {
            console.print(table);
        }
        if (notify != null) {
            console.line("Sent " + errors.json().size() + " entries to " + notify + ".");
        }
    }

    /** An RFC 3339 time, or a duration back from now such as 30m, 2h or 7d. */
    private String sinceInstant() {
        try {
            return OffsetDateTime.parse(since).toInstant().toString();
        } catch (DateTimeParseException notATime) {
            java.util.regex.Matcher ago = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(since.strip());
            if (!ago.matches()) {
                throw new ParameterException(spec.commandLine(), "--since takes an RFC 3339 time such as "
                        + "2026-11-29T10:00:00Z or a duration such as 30m, 2h or 7d, not '" + since + "'");
            }
            long amount = Long.parseLong(ago.group(1));
            Duration back = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return java.time.Instant.now().minus(back).toString();
        }
    }
}
