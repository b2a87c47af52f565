package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.cli.server.ServerProblem;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status",
        description = "Show which TokenGovernor hooks are installed, for which server and project, and whether the "
                + "server answers. Exit 0 when installed and answering, 4 when not installed, 8 when the server is down.")
public class HooksStatusCommand implements Callable<Integer> {

    private static final Pattern PROJECT = Pattern.compile("projectId=([0-9a-fA-F-]{36})");

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsScope where;

    @Override
    public Integer call() {
        TokenGov root = (TokenGov) spec.root().userObject();
        HookOutput output = new HookOutput(spec.commandLine(), root.wantsJson());
        Path file = where.file(root.environment());
        List<Map.Entry<String, JsonNode>> ours;
        try {
            ours = ClaudeSettings.read(file).ours();
        } catch (IllegalArgumentException e) {
            return output.fail(ExitCode.USAGE, e.getMessage());
        }
        boolean keySet = !root.environment().getOrDefault(GovernorHooks.API_KEY_ENV, "").isBlank();
        if (ours.isEmpty()) {
            output.status(file, ours, null, null, false, "not installed", keySet);
            return ExitCode.NOT_FOUND.code();
        }
        String url = ours.stream().map(hook -> hook.getValue().path("url").asText(null))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        boolean failClosed = ours.stream().anyMatch(hook -> "block".equals(hook.getValue().path("onFailure").asText())
                || hook.getValue().path("command").asText("").contains("--fail-closed"));
        String server = url == null ? null : url.substring(0, url.indexOf(GovernorHooks.ENDPOINT));
        Matcher project = PROJECT.matcher(url == null ? "" : url);
        String projectId = project.find() ? project.group(1) : null;
        String answer;
        ExitCode code = ExitCode.OK;
        try {
            GovernorServer governor = new GovernorServer(new io.tokengovernor.cli.server.ServerAddress(
                    URI.create(server)), java.util.Optional.empty(), "hooks-status");
            governor.get("/api/projects/" + GovernorServer.segment(projectId));
            answer = "The server answers and knows the project";
        } catch (ServerProblem problem) {
            answer = "The server answers " + problem.status() + " for the project";
            code = problem.exitCode();
        } catch (ServerCallFailed | IllegalArgumentException | NullPointerException down) {
            answer = "The server does not answer (" + down.getMessage() + ")";
            code = ExitCode.UNREACHABLE;
        }
        output.status(file, ours, server, projectId, failClosed, answer, keySet);
        return code.code();
    }
}
