package io.tokengovernor.core.claudecode;

import java.util.Optional;

/** The Claude Code hook events the governor answers (the {@code hook_event_name} of a hook's input). */
public enum HookEventName {
    SessionStart, UserPromptSubmit, PreToolUse, PostToolUse, Stop, SubagentStop, SessionEnd;

    public static Optional<HookEventName> of(String name) {
        for (HookEventName event : values()) {
            if (event.name().equals(name)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    /** Events that come through {@code token-gov hooks relay}, which meters the transcript first. */
    public boolean relayed() {
        return this == SessionStart || this == PostToolUse || this == Stop || this == SubagentStop
                || this == SessionEnd;
    }
}
