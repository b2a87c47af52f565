package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.server.GovernorServer;
import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.core.claudecode.HookEventName;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command hook Claude Code runs for events after which its transcript has grown: reads the hook's JSON on
 * standard input, meters what the session's transcripts gained since the last relay, sends both to the server and
 * prints the server's answer for Claude Code. A server that cannot be reached is let through (fail open) unless
 * {@code --fail-closed}; nothing metered is lost either way, the next relay sends it.
 */
@Command(name = "relay", hidden = true,
        description = {"Run by Claude Code as a command hook (token-gov hooks install writes it): meters the session's",
                "transcript and passes the hook to the server. Reads the hook's JSON on standard input."})
public class HooksRelayCommand implements Callable<Integer> {

    private static final int MAX_INPUT = 4 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project the session works for.")
    String projectId;

    @Option(names = "--task-budget", paramLabel = "TOKENS", description = "Budget of a new session's task.")
    Long taskBudget;

    @Option(names = "--fail-closed", description = "Refuse work when the server cannot be reached.")
    boolean failClosed;

    InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes = input.readNBytes(MAX_INPUT);
        ObjectNode hook;
        try {
            hook = (ObjectNode) MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | ClassCastException e) {
            err.println("token-gov hooks relay: standard input is not a Claude Code hook's JSON object");
            return 0;
        }
        String event = hook.path("hook_event_name").asText("");
        String session = hook.path("session_id").asText("");
        if (session.isBlank()) {
            err.println("token-gov hooks relay: the hook names no session_id; nothing to govern");
            return 0;
        }
        TokenGov root = (TokenGov) spec.root().userObject();
        GovernorServer server = root.connect(spec.commandLine());
        String path = GovernorHooks.ENDPOINT + "?projectId=" + GovernorServer.segment(projectId)
                + (taskBudget == null ? "" : "&taskBudget=" + taskBudget);
        String transcript = hook.path("transcript_path").asText(null);
        // what the server reads of a hook; a tool's input and output (a whole file, perhaps) stay here
        hook.retain("session_id", "transcript_path", "cwd", "hook_event_name", "agent_id", "agent_type",
                "stop_hook_active", "last_assistant_message", "source", "reason");
        try (TranscriptMeter meter = new TranscriptMeter(TranscriptMeter.stateDirectory(root.environment()), session)) {
            TranscriptMeter.Metered reading = meter.read(session, transcript == null ? null : Path.of(transcript));
            ObjectNode relayed = hook.putObject("tokenGovernor");
            relayed.set("events", MAPPER.valueToTree(reading.events()));
            relayed.set("subagents", MAPPER.valueToTree(reading.subagents()));
            ArrayNode checkpoints = relayed.putArray("checkpoints");
            reading.checkpoints().forEach((task, summary) -> checkpoints.addObject().put("taskId", task)
                    .put("summary", summary));
            JsonNode answer;
            try {
                answer = server.post(path, hook).json();
            } catch (ServerCallFailed failure) {
                return unreachable(event, failure.getMessage(), out, err);
            }
            meter.commit(reading);
            if (!answer.isEmpty()) {
                out.println(MAPPER.writeValueAsString(answer));
            }
            return 0;
        }
    }

    /** Fail open (Claude Code goes on; usage is sent by the next relay), or refuse the work when asked to. */
    private int unreachable(String event, String why, PrintWriter out, PrintWriter err) throws IOException {
        err.println("token-gov hooks relay: TokenGovernor did not answer (" + why + ")"
                + (failClosed ? "; refusing work (--fail-closed)" : "; letting the session go on (fail open)"));
        if (!failClosed) {
            return 0;
        }
        String reason = "TokenGovernor cannot be reached (" + why + "), and this project's hooks fail closed. Stop "
                + "here until the governor is back.";
        ObjectNode refusal = MAPPER.createObjectNode();
        switch (HookEventName.of(event).orElse(HookEventName.SessionEnd)) {
            case SessionStart -> {
                refusal.put("continue", false);
                refusal.put("stopReason", reason);
            }
            case PostToolUse -> {
                refusal.put("decision", "block");
                refusal.put("reason", reason);
            }
            default -> {
                // never trap an agent at Stop or after the session: there is nothing left to refuse
                return 0;
            }
        }
        out.println(MAPPER.writeValueAsString(refusal));
        return 0;
    }
}
