package io.tokengovernor.core.scheduler;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How far estimates were from what tasks actually used, as the project status reports it: the mean
 * absolute percentage error, {@code mean(|estimate − actual| / actual)}, as a fraction. Tasks that used
 * no tokens are left out, since no percentage of zero exists.
 */
public final class EstimationAccuracy {

    private EstimationAccuracy() {
    }

    /** @return empty when no task with actual usage is given */
    public static OptionalDouble mape(List<Long> estimates, List<Long> actuals) {
        if (estimates.size() != actuals.size()) {
            throw new IllegalArgumentException("every estimate needs its actual: " + estimates.size()
                    + " estimates, " + actuals.size() + " actuals");
        }
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < actuals.size(); i++) {
            long actual = actuals.get(i);
            long estimate = estimates.get(i);
            if (actual < 0 || estimate < 0) {
                throw new IllegalArgumentException("tokens must not be negative: estimate " + estimate
                        + ", actual " + actual);
            }
            if (actual > 0) {
                sum += Math.abs((double) estimate - actual) / actual;
                counted++;
            }
        }
        return counted == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / counted);
    }
}
