package io.tokengovernor.core.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.inspector.Directive;
import io.tokengovernor.core.inspector.DirectiveAction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTextTest {

    @Test
    void the_summary_is_what_follows_the_marker_at_the_start_of_a_line() {
        assertThat(CheckpointText.find("CHECKPOINT: done A; next B")).contains("done A; next B");
        assertThat(CheckpointText.find("Saving now.\n**CHECKPOINT:** done A\nnext B")).contains("** done A\nnext B");
        assertThat(CheckpointText.find("I will write a CHECKPOINT: later")).isEmpty();
        assertThat(CheckpointText.find("CHECKPOINT:   ")).isEmpty();
        assertThat(CheckpointText.find(null)).isEmpty();
        assertThat(CheckpointText.find("CHECKPOINT: " + "x".repeat(10_000)).orElseThrow())
                .hasSize(CheckpointText.MAX_SUMMARY);
    }

    @Test
    void the_session_start_line_stays_short() {
        Directive directive = new Directive("t", DirectiveAction.CHECKPOINT, 9_876_543, 0, 12_000_000, 0.9, 0, "x");
        String line = BudgetLine.of(directive, 123_456_789, 999_999_999, "ROLLING_5H");
        assertThat(line).isEqualTo("TokenGovernor: task 9.9M of 12M tokens, project 123.5M of 1000M (ROLLING_5H); "
                + "CHECKPOINT.");
        // about four characters a token: the line and the pause reason stay well under 60 tokens
        assertThat(line.length()).isLessThan(4 * 60);
        String paused = BudgetLine.paused(new Directive("t", DirectiveAction.PAUSE, 10, 0, 10, 0.9, 0,
                "the task's budget is spent"), Instant.parse("2026-12-05T00:00:00Z"), "AT_WINDOW_RESET");
        assertThat(paused).contains("the task's budget is spent").contains("2026-12-05T00:00:00Z");
    }
}
