package io.tokengovernor.core.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Searches checkpoint threshold × safety factor over one {@link Replay}: every threshold from 0.50 to 0.95
 * and every safety factor from 1.0 to 2.0, each in its own replay. The best setting has no overshoot despite
 * governance and the fewest pauses; ties go to the higher threshold (checkpoints as late as is safe), then
 * the lower safety factor (resumes as early as is safe). When no setting reaches zero overshoot, the best
 * is the one with the least overshoot, then the same order.
 */
public final class SettingSearch {

    public static final List<Double> THRESHOLDS = steps("0.50", "0.95", "0.05");
    public static final List<Double> SAFETY_FACTORS = steps("1.0", "2.0", "0.1");

    private SettingSearch() {
    }

    /** One setting tried, and what the replay found with it. */
    public record Trial(double threshold, double safetyFactor, SimulationReport report) {
    }

    /** The outcome: every trial in search order, and the best of them. */
    public record Result(List<Trial> trials, Trial best) {

        public Result {
            trials = List.copyOf(trials);
        }

        public boolean reachesZeroOvershoot() {
            return best.report().overshootTokens() == 0;
        }
    }

    public static Result search(Replay replay, Policy policy) {
        return search(replay, policy, THRESHOLDS, SAFETY_FACTORS);
    }

    public static Result search(Replay replay, Policy policy, List<Double> thresholds, List<Double> safetyFactors) {
        List<Trial> trials = new ArrayList<>();
        for (double threshold : thresholds) {
            for (double safetyFactor : safetyFactors) {
                trials.add(new Trial(threshold, safetyFactor, replay.under(policy.tuned(threshold, safetyFactor))));
            }
        }
        Trial best = trials.stream().min(BEST_FIRST).orElseThrow(
                () -> new IllegalArgumentException("the search needs at least one threshold and one safety factor"));
        return new Result(trials, best);
    }

    static final Comparator<Trial> BEST_FIRST = Comparator
            .<Trial>comparingLong(trial -> trial.report().overshootTokens())
            .thenComparingInt(trial -> trial.report().pauses())
            .thenComparing(Comparator.comparingDouble(Trial::threshold).reversed())
            .thenComparingDouble(Trial::safetyFactor);

    private static List<Double> steps(String from, String to, String step) {
        List<Double> values = new ArrayList<>();
        for (BigDecimal value = new BigDecimal(from); value.compareTo(new BigDecimal(to)) <= 0;
                value = value.add(new BigDecimal(step))) {
            values.add(value.doubleValue());
        }
        return List.copyOf(values);
    }
}
