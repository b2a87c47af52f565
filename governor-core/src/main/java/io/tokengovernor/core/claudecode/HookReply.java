package io.tokengovernor.core.claudecode;

import io.tokengovernor.core.inspector.DirectiveAction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the governor answers one Claude Code hook, in Claude Code's own JSON: the directive turned into
 * the one answer each event understands. PAUSE refuses prompts and tools (and tells the model after a
 * tool); a checkpoint request is told once per cycle, and Stop keeps the agent working until the
 * checkpoint is recorded — but only once per request, so an agent that will not write one is never
 * trapped.
 */
public record HookReply(Kind kind, HookEventName event, String text) {

    public enum Kind {
        /** Nothing to say: Claude Code goes on. */
        NOTHING,
        /** Extra context for the model ({@code additionalContext}). */
        CONTEXT,
        /** The prompt is refused. */
        BLOCK_PROMPT,
        /** The tool call is refused; the model sees the reason as the tool's error. */
        DENY_TOOL,
        /** After a tool: the reason is fed to the model. */
        BLOCK_AFTER_TOOL,
        /** Stop refused: the reason is the agent's next instruction. */
        KEEP_WORKING
    }

    /** What the decision needs to know about the task. */
    public record Situation(DirectiveAction action, boolean checkpointPending, boolean checkpointAsked,
            boolean stopHookActive) {
    }

    /** The texts the governor may say, written by the caller (they name budgets and predictions). */
    public record Texts(String budgetLine, String pauseReason, String checkpointAsk) {
    }

    public static HookReply decide(HookEventName event, Situation situation, Texts texts) {
        boolean paused = situation.action() == DirectiveAction.PAUSE;
        // only a CHECKPOINT directive asks: a request the budget has moved past (PAUSE, or a raise) asks nothing
        boolean pending = situation.action() == DirectiveAction.CHECKPOINT && situation.checkpointPending();
        boolean askCheckpoint = pending && !situation.checkpointAsked();
        return switch (event) {
            case SessionStart -> new HookReply(Kind.CONTEXT, event,
                    paused ? texts.budgetLine() + " " + texts.pauseReason() : texts.budgetLine());
            case UserPromptSubmit -> paused ? new HookReply(Kind.BLOCK_PROMPT, event, texts.pauseReason())
                    : askCheckpoint ? new HookReply(Kind.CONTEXT, event, texts.checkpointAsk()) : nothing(event);
            case PreToolUse -> paused ? new HookReply(Kind.DENY_TOOL, event, texts.pauseReason()) : nothing(event);
            case PostToolUse -> paused ? new HookReply(Kind.BLOCK_AFTER_TOOL, event, texts.pauseReason())
                    : askCheckpoint ? new HookReply(Kind.CONTEXT, event, texts.checkpointAsk()) : nothing(event);
            case Stop, SubagentStop -> pending && !(situation.checkpointAsked() && situation.stopHookActive())
                    ? new HookReply(Kind.KEEP_WORKING, event, texts.checkpointAsk()) : nothing(event);
            case SessionEnd -> nothing(event);
        };
    }

    private static HookReply nothing(HookEventName event) {
        return new HookReply(Kind.NOTHING, event, null);
    }

    /** Whether this reply tells the agent to write its checkpoint (the caller records that it asked). */
    public boolean asksForCheckpoint() {
        return kind == Kind.KEEP_WORKING || (kind == Kind.CONTEXT && event != HookEventName.SessionStart);
    }

    /** The answer's JSON as nested maps, in the shape Claude Code reads for this event. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (kind) {
            case NOTHING -> {
            }
            case CONTEXT -> json.put("hookSpecificOutput", specific("additionalContext", text));
            case DENY_TOOL -> {
                Map<String, Object> specific = specific("permissionDecision", "deny");
                specific.put("permissionDecisionReason", text);
                json.put("hookSpecificOutput", specific);
            }
            case BLOCK_PROMPT, BLOCK_AFTER_TOOL, KEEP_WORKING -> {
                json.put("decision", "block");
                json.put("reason", text);
            }
        }
        return json;
    }

    private Map<String, Object> specific(String key, Object value) {
        Map<String, Object> specific = new LinkedHashMap<>();
        specific.put("hookEventName", event.name());
        specific.put(key, value);
        return specific;
    }
}
