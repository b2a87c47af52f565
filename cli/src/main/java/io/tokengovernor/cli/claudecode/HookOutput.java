package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** What the hooks commands print: a sentence for people, one JSON object with {@code --json}. */
final class HookOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    HookOutput(CommandLine commandLine, boolean json) {
        this.out = commandLine.getOut();
        this.err = commandLine.getErr();
        this.json = json;
    }

    int fail(ExitCode code, String message) {
        if (json) {
            ObjectNode problem = MAPPER.createObjectNode().put("error", message).put("exitCode", code.code());
            out.println(problem.toString());
        } else {
            err.println("token-gov: " + message);
        }
        out.flush();
        err.flush();
        return code.code();
    }

    void installed(Path file, boolean changed, int hooks, String serverNote, String advice) {
        if (json) {
            ObjectNode answer = MAPPER.createObjectNode().put("file", file.toString()).put("changed", changed)
                    .put("hooks", hooks).put("server", serverNote);
            if (advice != null) {
                answer.put("advice", advice);
            }
            out.println(answer.toString());
        } else {
            out.println(changed ? "Installed " + hooks + " TokenGovernor hooks in " + file + " (" + serverNote + ")."
                    : "TokenGovernor's hooks are already installed in " + file + "; nothing changed.");
            if (advice != null) {
                out.println(advice);
            }
        }
        out.flush();
    }

    void uninstalled(Path file, boolean changed) {
        if (json) {
            out.println(MAPPER.createObjectNode().put("file", file.toString()).put("changed", changed).toString());
        } else {
            out.println(changed ? "Removed TokenGovernor's hooks from " + file + "; other hooks are untouched."
                    : "No TokenGovernor hooks in " + file + "; nothing changed.");
        }
        out.flush();
    }

    void status(Path file, List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> ours, String server,
            String project, boolean failClosed, String answer, boolean keySet) {
        if (json) {
            ObjectNode status = MAPPER.createObjectNode().put("file", file.toString()).put("installed", !ours.isEmpty());
            ArrayNode events = status.putArray("events");
            ours.forEach(hook -> events.addObject().put("event", hook.getKey())
                    .put("type", hook.getValue().path("type").asText()));
            status.put("server", server).put("projectId", project).put("failClosed", failClosed)
                    .put("serverAnswers", answer).put("apiKeyInEnvironment", keySet);
            out.println(status.toString());
        } else if (ours.isEmpty()) {
            out.println("No TokenGovernor hooks in " + file + ".");
        } else {
            out.println("TokenGovernor hooks in " + file + ":");
            ours.forEach(hook -> out.println("  " + hook.getKey() + " (" + hook.getValue().path("type").asText() + ")"));
            out.println("Server " + server + ", project " + project + ", " + (failClosed ? "fail closed" : "fail open")
                    + ". " + answer + ". " + (keySet ? GovernorHooks.API_KEY_ENV + " is set."
                    : GovernorHooks.API_KEY_ENV + " is NOT set in this shell: the hooks would be refused."));
        }
        out.flush();
    }
}
