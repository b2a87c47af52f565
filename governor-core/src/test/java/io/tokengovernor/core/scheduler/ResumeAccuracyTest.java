package io.tokengovernor.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResumeAccuracyTest {

    @Test
    void the_share_counts_resumed_tasks_that_were_not_paused_again() {
        assertThat(ResumeAccuracy.share(8, 2).getAsDouble()).isEqualTo(0.75);
    }

    @Test
    void before_any_resume_there_is_no_share() {
        assertThat(ResumeAccuracy.share(0, 0)).isEmpty();
    }

    @Test
    void more_pauses_again_than_resumes_is_a_caller_error() {
        assertThatThrownBy(() -> ResumeAccuracy.share(2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
