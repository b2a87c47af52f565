package io.tokengovernor.core.scheduler;

import static io.tokengovernor.core.scheduler.Queued.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeRateTest {

    @Test
    void without_recent_resumes_every_slot_is_free() {
        assertThat(ResumeRate.slotsLeft(List.of(), SchedulerRules.DEFAULTS, NOW)).isEqualTo(10);
    }

    @Test
    void resumes_of_the_last_sixty_seconds_use_up_slots() {
        List<Instant> recent = List.of(NOW.minusSeconds(59), NOW.minusSeconds(30), NOW);

        assertThat(ResumeRate.slotsLeft(recent, 10, NOW)).isEqualTo(7);
    }

    @Test
    void a_resume_sixty_seconds_ago_has_left_the_window() {
        List<Instant> recent = List.of(NOW.minusSeconds(60), NOW.minusSeconds(61), NOW.minusMillis(59_999));

        assertThat(ResumeRate.slotsLeft(recent, 10, NOW)).isEqualTo(9);
    }

    @Test
    void more_resumes_than_the_limit_leave_no_slot_rather_than_a_negative_count() {
        List<Instant> recent = List.of(NOW.minusSeconds(3), NOW.minusSeconds(2), NOW.minusSeconds(1));

        assertThat(ResumeRate.slotsLeft(recent, 2, NOW)).isZero();
    }

    @Test
    void when_the_limit_is_reached_the_next_slot_frees_when_the_oldest_resume_leaves_the_window() {
        List<Instant> recent = List.of(NOW.minusSeconds(10), NOW.minusSeconds(50), NOW.minusSeconds(90));

        assertThat(ResumeRate.nextSlotAt(recent, 2, NOW)).contains(NOW.plusSeconds(10));
        assertThat(ResumeRate.nextSlotAt(recent, 3, NOW)).isEmpty();
    }

    @Test
    void over_the_limit_enough_resumes_must_leave_the_window_to_free_a_slot() {
        List<Instant> recent = List.of(NOW.minusSeconds(40), NOW.minusSeconds(20), NOW.minusSeconds(30));

        assertThat(ResumeRate.nextSlotAt(recent, 1, NOW)).contains(NOW.plusSeconds(40));
    }
}
