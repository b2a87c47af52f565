package io.tokengovernor.core.scheduler;

import static io.tokengovernor.core.scheduler.Queued.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.scheduler.ResumePrediction.Outcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResumePredictionTest {

    private static final SchedulerRules RULES = SchedulerRules.DEFAULTS;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final QueuedWork work = Queued.task("t").remaining(1_000).build();

    @Test
    void work_that_fits_now_is_predicted_to_resume_now_with_the_tokens_available() {
        ResumePrediction prediction = ResumePrediction.predict(work, 1_200, 5_000, BudgetWindow.DAILY, NOW, BERLIN,
                null, RULES);

        assertThat(prediction).isEqualTo(new ResumePrediction(Outcome.NOW, NOW, 1_200, 1_200, 0));
    }

    @Test
    void work_that_a_full_budget_covers_resumes_at_the_next_window_reset() {
        ResumePrediction prediction = ResumePrediction.predict(work, 1_199, 5_000, BudgetWindow.DAILY, NOW, BERLIN,
                null, RULES);

        assertThat(prediction.outcome()).isEqualTo(Outcome.AT_WINDOW_RESET);
        assertThat(prediction.resumeAt()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(prediction.tokensAvailable()).isEqualTo(5_000);
    }

    @Test
    void in_a_rolling_window_work_resumes_when_the_open_block_ends() {
        Instant blockStart = Instant.parse("2026-11-29T08:00:00Z");

        ResumePrediction prediction = ResumePrediction.predict(work, 0, 2_000, BudgetWindow.ROLLING_5H, NOW,
                ZoneOffset.UTC, blockStart, RULES);

        assertThat(prediction.resumeAt()).isEqualTo(Instant.parse("2026-11-29T13:00:00Z"));
    }

    @Test
    void work_bigger_than_a_full_window_budget_needs_a_raise_of_the_difference() {
        ResumePrediction prediction = ResumePrediction.predict(work, 500, 1_000, BudgetWindow.MONTHLY, NOW, BERLIN,
                null, RULES);

        assertThat(prediction.outcome()).isEqualTo(Outcome.NOT_WITHIN_BUDGET);
        assertThat(prediction.resumeAt()).isNull();
        assertThat(prediction.raiseNeeded()).isEqualTo(200);
    }

    @Test
    void under_a_lifetime_budget_work_that_does_not_fit_needs_a_raise_of_what_is_missing_now() {
        ResumePrediction prediction = ResumePrediction.predict(work, 500, 100_000, BudgetWindow.NONE, NOW, BERLIN,
                null, RULES);

        assertThat(prediction.outcome()).isEqualTo(Outcome.NOT_WITHIN_BUDGET);
        assertThat(prediction.raiseNeeded()).isEqualTo(700);
    }
}
