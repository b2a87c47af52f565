package io.tokengovernor.core.usage;

import java.util.Optional;

/** Where an active block ends up if the burn rate holds until the window closes; cost rounded to cents. */
public record Projection(long totalTokens, double totalCost, long remainingMinutes) {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    public static Optional<Projection> of(SessionBlock block, long now) {
        if (!block.isActive() || block.isGap()) {
            return Optional.empty();
        }
        return BurnRate.of(block).map(rate -> {
            double remaining = (double) Math.round((block.end() - now) / MILLIS_PER_MINUTE);
            double tokens = block.totalTokens() + rate.tokensPerMinute() * remaining;
            double cost = block.cost() + (rate.costPerHour() / 60.0) * remaining;
            return new Projection(Math.round(tokens), Math.round(cost * 100.0) / 100.0, (long) Math.max(remaining, 0));
        });
    }
}
