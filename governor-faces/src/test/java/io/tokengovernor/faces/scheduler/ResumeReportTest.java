package io.tokengovernor.faces.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.scheduler.boundary.ManualResume.Outcome;
import org.junit.jupiter.api.Test;

class ResumeReportTest {

    private static final String TASK = "0b9c7a52-8d5e-4d0e-9a57-1f2e3d4c5b6a";

    @Test
    void aResumedTaskIsNamedByItsShortIdWithTheWayItResumed() {
        assertThat(ResumeReport.sentence(new Outcome(TASK, true, "resumed"))).isEqualTo("Task 0b9c7a52… resumed");
        assertThat(ResumeReport.sentence(new Outcome(TASK, true, "resumed (forced)")))
                .isEqualTo("Task 0b9c7a52… resumed (forced)");
    }

    @Test
    void aTaskThatStayedQueuedSaysWhy() {
        assertThat(ResumeReport.sentence(new Outcome(TASK, false, "the project has 0 tokens, 3600 needed")))
                .isEqualTo("Task 0b9c7a52… not resumed: the project has 0 tokens, 3600 needed");
    }

    @Test
    void aShortIdIsShownWhole() {
        assertThat(ResumeReport.shortId("abc")).isEqualTo("abc");
    }
}
