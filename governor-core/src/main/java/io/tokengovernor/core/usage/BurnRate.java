package io.tokengovernor.core.usage;

import java.util.Optional;

/**
 * How fast a block spends, measured between its first and last message.
 *
 * @param tokensPerMinuteForIndicator input and output tokens only: cache reads dwarf them and would
 *                                    make every session look alarming
 */
public record BurnRate(double tokensPerMinute, double tokensPerMinuteForIndicator, double costPerHour) {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    public static Optional<BurnRate> of(SessionBlock block) {
        if (block.isGap() || block.entries().isEmpty()) {
            return Optional.empty();
        }
        double minutes = (block.actualEnd() - block.firstEntry()) / MILLIS_PER_MINUTE;
        if (minutes <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BurnRate(block.totalTokens() / minutes,
                (block.inputTokens() + block.outputTokens()) / minutes,
                block.cost() / minutes * 60.0));
    }
}
