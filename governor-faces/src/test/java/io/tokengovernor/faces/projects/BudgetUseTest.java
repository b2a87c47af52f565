package io.tokengovernor.faces.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetUseTest {

    @Test
    void percentIsTheSpentShareInWholePercent() {
        assertThat(new BudgetUse(250, 1_000).percent()).isEqualTo(25);
        assertThat(new BudgetUse(999, 1_000).percent()).isEqualTo(99);
    }

    @Test
    void anOverrunBudgetShowsAFullBar() {
        assertThat(new BudgetUse(1_500, 1_000).percent()).isEqualTo(100);
        assertThat(new BudgetUse(1_500, 1_000).level()).isEqualTo("exhausted");
    }

    @Test
    void aZeroBudgetIsEmptyUntilSomethingIsSpent() {
        assertThat(new BudgetUse(0, 0).percent()).isZero();
        assertThat(new BudgetUse(0, 0).level()).isEqualTo("ok");
        assertThat(new BudgetUse(1, 0).percent()).isEqualTo(100);
        assertThat(new BudgetUse(1, 0).level()).isEqualTo("exhausted");
    }

    @Test
    void theBarWarnsFromEightyPercent() {
        assertThat(new BudgetUse(79, 100).level()).isEqualTo("ok");
        assertThat(new BudgetUse(80, 100).level()).isEqualTo("warning");
        assertThat(new BudgetUse(100, 100).level()).isEqualTo("exhausted");
    }

    @Test
    void hugeBudgetsDoNotOverflow() {
        assertThat(new BudgetUse(Long.MAX_VALUE / 2, Long.MAX_VALUE).percent()).isEqualTo(50);
    }
}
