package io.tokengovernor.gateway.boundary;

/**
 * Whom a model call through the gateway works for, as its headers say: a Claude Code session
 * ({@code x-claude-code-session-id}) and, for a subagent, its agent id and its parent's; or a task named in
 * {@code x-token-gov-task}; or none of these (the project's default gateway task).
 */
public record CallerIdentity(String sessionId, String agentId, String parentAgentId, String taskId) {

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
