package io.tokengovernor.claudecode.boundary;

/**
 * Who a Claude Code hook speaks for: a session, or a subagent inside it ({@code agent_id}, with the
 * subagent's {@code agent_type} when the hook names it).
 */
public record HookSubject(String sessionId, String agentId, String agentType, String cwd) {

    public boolean subagent() {
        return agentId != null && !agentId.isBlank();
    }
}
