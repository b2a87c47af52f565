package io.tokengovernor.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.JsonText;
import io.tokengovernor.cli.server.ServerAnswer;
import java.util.Locale;

/** {@code status --prs}: a project's pull requests with their state, reviews and tokens; {@code --refresh} asks GitHub first. */
final class PullRequestList {

    private PullRequestList() {
    }

    static void show(GovernorServer server, Console console, String projectId, boolean refresh) {
        String path = "/api/projects/" + GovernorServer.segment(projectId) + "/pulls";
        ServerAnswer answer = refresh ? server.post(path + "/refresh", java.util.Map.of()) : server.get(path);
        if (console.wantsJson()) {
            console.printJson(answer.raw());
            return;
        }
        JsonNode pulls = refresh ? answer.json().path("pulls") : answer.json();
        if (refresh) {
            console.line("Asked GitHub: " + answer.json().path("refreshed").asInt() + " pull request(s) brought up to"
                    + " date" + (answer.json().path("failures").isEmpty() ? "."
                    : ", " + answer.json().path("failures").size() + " failed:"));
            answer.json().path("failures").forEach(failure -> console.line("  " + failure.asText()));
        }
        if (pulls.isEmpty()) {
            console.line("No pull requests recorded for project " + projectId + " (token-gov commit --pr records them).");
            return;
        }
        Table table = Table.withColumns("PR", "STATE", "APPROVED", "CHANGES", "TOKENS", "BRANCH", "TITLE", "URL");
        for (JsonNode pull : pulls) {
            table.row(pull.path("repository").asText() + "#" + pull.path("number").asInt(),
                    pull.path("state").asText(), JsonText.of(pull.get("approvals")),
                    JsonText.of(pull.get("changesRequested")),
                    String.format(Locale.ROOT, "%,d", pull.path("tokens").asLong()), pull.path("branch").asText(),
                    pull.path("title").asText(), pull.path("url").asText());
        }
        console.print(table);
    }
}
