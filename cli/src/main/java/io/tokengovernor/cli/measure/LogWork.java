package io.tokengovernor.cli.measure;

import io.tokengovernor.core.claudelog.LogPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Which task and agent a Claude Code log file's usage belongs to: a task per session, a child task
 * per subagent file, an agent per file. Ids are the session's own UUID where it has one, else
 * name-based UUIDs, so that importing again finds the same tasks.
 */
record LogWork(String sessionTaskId, String taskId, String agentId, String agentType, boolean subagent,
        String sessionId, String label) {

    static LogWork of(Path file, SessionMapping mapping) {
        LogPath place = LogPath.of(file);
        String session = place.sessionId();
        String fileName = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        boolean subagent = file.getParent() != null && file.getParent().getFileName() != null
                && file.getParent().getFileName().toString().equals("subagents");
        SessionMapping.Entry mapped = mapping.of(session);
        String sessionTask = mapped != null && mapped.taskId() != null ? mapped.taskId() : uuidOf("session", session);
        String sessionAgent = mapped != null && mapped.agentId() != null ? mapped.agentId()
                : uuidOf("agent", session);
        String type = mapped != null && mapped.agentType() != null ? mapped.agentType() : "claude-code";
        if (!subagent) {
            return new LogWork(sessionTask, sessionTask, sessionAgent, type, false, session,
                    place.project() + " / " + session);
        }
        return new LogWork(sessionTask, uuidOf("subagent-task", session + "/" + fileName),
                uuidOf("subagent", session + "/" + fileName), "claude-code-subagent", true, session,
                place.project() + " / " + session + " / " + fileName);
    }

    /** The session id itself when it is a UUID (Claude Code's are), else a stable name-based UUID. */
    static String uuidOf(String kind, String name) {
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
