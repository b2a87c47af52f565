package io.tokengovernor.core.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.inspector.DirectiveAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookReplyTest {

    private static final HookReply.Texts TEXTS = new HookReply.Texts("budget line", "paused because", "write it");

    @Test
    void while_paused_prompts_and_tools_are_refused_in_the_shape_each_event_reads() {
        HookReply.Situation paused = new HookReply.Situation(DirectiveAction.PAUSE, false, false, false);

        assertThat(HookReply.decide(HookEventName.PreToolUse, paused, TEXTS).json()).isEqualTo(Map.of(
                "hookSpecificOutput", Map.of("hookEventName", "PreToolUse", "permissionDecision", "deny",
                        "permissionDecisionReason", "paused because")));
        assertThat(HookReply.decide(HookEventName.UserPromptSubmit, paused, TEXTS).json())
                .isEqualTo(Map.of("decision", "block", "reason", "paused because"));
        assertThat(HookReply.decide(HookEventName.PostToolUse, paused, TEXTS).json())
                .isEqualTo(Map.of("decision", "block", "reason", "paused because"));
        assertThat(HookReply.decide(HookEventName.Stop, paused, TEXTS).json()).as("a paused agent may stop").isEmpty();
        assertThat(HookReply.decide(HookEventName.SessionStart, paused, TEXTS).text())
                .isEqualTo("budget line paused because");
    }

    @Test
    void every_event_and_situation_answers_something_claude_code_understands_and_a_checkpoint_is_asked_for_once() {
        for (HookEventName event : HookEventName.values()) {
            for (DirectiveAction action : DirectiveAction.values()) {
                for (int flags = 0; flags < 8; flags++) {
                    HookReply.Situation situation = new HookReply.Situation(action, (flags & 1) != 0,
                            (flags & 2) != 0, (flags & 4) != 0);
                    HookReply reply = HookReply.decide(event, situation, TEXTS);
                    Map<String, Object> json = reply.json();
                    if (action == DirectiveAction.CONTINUE || (action != DirectiveAction.PAUSE
                            && !situation.checkpointPending())) {
                        assertThat(reply.kind()).as("%s %s", event, situation)
                                .isIn(HookReply.Kind.NOTHING, HookReply.Kind.CONTEXT);
                    }
                    if (reply.asksForCheckpoint() && event != HookEventName.Stop && event != HookEventName.SubagentStop) {
                        assertThat(situation.checkpointAsked()).as("asked twice: %s %s", event, situation).isFalse();
                    }
                    if (reply.kind() == HookReply.Kind.KEEP_WORKING) {
                        assertThat(situation.checkpointAsked() && situation.stopHookActive())
                                .as("an agent that did not write its checkpoint when kept working is let go").isFalse();
                    }
                    if (json.containsKey("decision")) {
                        assertThat(json.get("decision")).isEqualTo("block");
                        assertThat(json.get("reason")).isNotNull();
                    }
                    if (event == HookEventName.SessionEnd) {
                        assertThat(json).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void stop_keeps_the_agent_working_until_the_requested_checkpoint_is_written() {
        HookReply first = HookReply.decide(HookEventName.Stop,
                new HookReply.Situation(DirectiveAction.CHECKPOINT, true, false, false), TEXTS);
        assertThat(first.json()).isEqualTo(Map.of("decision", "block", "reason", "write it"));
        assertThat(first.asksForCheckpoint()).isTrue();
        HookReply refusedAgain = HookReply.decide(HookEventName.Stop,
                new HookReply.Situation(DirectiveAction.CHECKPOINT, true, true, true), TEXTS);
        assertThat(refusedAgain.json()).isEmpty();
    }
}
