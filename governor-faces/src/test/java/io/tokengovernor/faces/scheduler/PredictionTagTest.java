package io.tokengovernor.faces.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PredictionTagTest {

    @Test
    void eachPredictionHasItsOwnColourFromReadyToBlocked() {
        assertThat(PredictionTag.severity("NOW")).isEqualTo("success");
        assertThat(PredictionTag.severity("AT_WINDOW_RESET")).isEqualTo("info");
        assertThat(PredictionTag.severity("NOT_WITHIN_BUDGET")).isEqualTo("warning");
        assertThat(PredictionTag.severity("NEEDS_TASK_BUDGET_RAISE")).isEqualTo("danger");
    }

    @Test
    void aTaskNoPassHasLookedAtYetSaysSoInGrey() {
        assertThat(PredictionTag.label(null)).isEqualTo("NOT PREDICTED YET");
        assertThat(PredictionTag.label(" ")).isEqualTo("NOT PREDICTED YET");
        assertThat(PredictionTag.severity(null)).isEqualTo("secondary");
        assertThat(PredictionTag.description(null)).contains("next pass");
    }

    @Test
    void aKnownPredictionKeepsItsNameAndSaysWhatTheTaskWaitsFor() {
        assertThat(PredictionTag.label("AT_WINDOW_RESET")).isEqualTo("AT_WINDOW_RESET");
        assertThat(PredictionTag.description("AT_WINDOW_RESET")).contains("window resets");
        assertThat(PredictionTag.description("NEEDS_TASK_BUDGET_RAISE")).contains("PATCH /api/tasks/{id}");
        assertThat(PredictionTag.description("NOT_WITHIN_BUDGET")).contains("raise the project's budget");
    }
}
