package io.tokengovernor.core.claudecode;

import io.tokengovernor.core.claudelog.LogLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Which task and agent a Claude Code session or subagent is governed as. One scheme for every way in
 * (the hooks, the governed runner, {@code measure --ccusage}), so the same session always lands on the
 * same task: the session's own UUID for its task, name-based UUIDs for its agent and its subagents.
 */
public final class SessionTasks {

    public static final String SESSION_AGENT_TYPE = "claude-code";
    public static final String SUBAGENT_TYPE = "claude-code-subagent";

    private SessionTasks() {
    }

    /** The task of a session: the session id itself when it is a UUID (Claude Code's are). */
    public static String taskOf(String sessionId) {
        return uuidOf("session", sessionId);
    }

    public static String agentOf(String sessionId) {
        return uuidOf("agent", sessionId);
    }

    /**
     * The child task of a subagent, named after its transcript file ({@code agent-<agent id>} under the
     * session's {@code subagents} folder) as the log reader sees it.
     */
    public static String subagentTaskOf(String sessionId, String transcriptName) {
        return uuidOf("subagent-task", sessionId + "/" + transcriptName);
    }

    public static String subagentAgentOf(String sessionId, String transcriptName) {
        return uuidOf("subagent", sessionId + "/" + transcriptName);
    }

    /** The transcript name Claude Code gives a subagent, from the {@code agent_id} its hooks carry. */
    public static String transcriptNameOf(String agentId) {
        return "agent-" + agentId;
    }

    /**
     * The ledger's idempotency key of a log line: {@code message.id:requestId} (as ccusage de-duplicates), or
     * for the rare line without a message id one derived from its file and content.
     */
    public static String eventIdOf(LogLine line, Path file) {
        if (line.messageId() != null) {
            return line.requestId() == null ? line.messageId() : line.messageId() + ":" + line.requestId();
        }
        String where = file.toAbsolutePath() + "@" + line.timestamp() + "#" + line.inputTokens() + "/"
                + line.outputTokens() + "/" + line.cacheCreationTokens() + "/" + line.cacheReadTokens();
        return "line:" + UUID.nameUUIDFromBytes(where.getBytes(StandardCharsets.UTF_8));
    }

    /** The session id itself for {@code kind} "session" when it is a UUID, else a stable name-based UUID. */
    public static String uuidOf(String kind, String name) {
        if ("session".equals(kind)) {
            try {
                return UUID.fromString(name).toString();
            } catch (IllegalArgumentException notAUuid) {
                // fall through to a name-based id
            }
        }
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
