package io.tokengovernor.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBalanceTest {

    @Test
    void remaining_is_budget_minus_used_minus_reserved() {
        TokenBalance balance = new TokenBalance(10_000, 6_000, 1_500);

        assertThat(balance.remaining()).isEqualTo(2_500);
        assertThat(balance.allows(2_500)).isTrue();
        assertThat(balance.allows(2_501)).isFalse();
    }

    @Test
    void an_overrun_leaves_nothing_remaining_rather_than_a_negative_amount() {
        TokenBalance balance = new TokenBalance(1_000, 1_200, 0);

        assertThat(balance.remaining()).isZero();
        assertThat(balance.exhausted()).isTrue();
        assertThat(balance.utilisation()).isEqualTo(1.2);
    }

    @Test
    void a_zero_budget_is_fully_used() {
        assertThat(new TokenBalance(0, 0, 0).utilisation()).isEqualTo(1.0);
        assertThat(new TokenBalance(0, 0, 0).allows(1)).isFalse();
    }

    @Test
    void negative_amounts_are_refused() {
        assertThatThrownBy(() -> new TokenBalance(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
