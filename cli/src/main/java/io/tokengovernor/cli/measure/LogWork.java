package io.tokengovernor.cli.measure;

import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.core.claudelog.LogPath;
import java.nio.file.Path;

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
        String sessionTask = mapped != null && mapped.taskId() != null ? mapped.taskId()
                : SessionTasks.taskOf(session);
        String sessionAgent = mapped != null && mapped.agentId() != null ? mapped.agentId()
                : SessionTasks.agentOf(session);
        String type = mapped != null && mapped.agentType() != null ? mapped.agentType()
                : SessionTasks.SESSION_AGENT_TYPE;
        if (!subagent) {
            return new LogWork(sessionTask, sessionTask, sessionAgent, type, false, session,
                    place.project() + " / " + session);
        }
        return new LogWork(sessionTask, SessionTasks.subagentTaskOf(session, fileName),
                SessionTasks.subagentAgentOf(session, fileName), SessionTasks.SUBAGENT_TYPE, true, session,
                place.project() + " / " + session + " / " + fileName);
    }
}
