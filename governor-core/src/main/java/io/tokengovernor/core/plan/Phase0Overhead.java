package io.tokengovernor.core.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phase 0's overhead: the tokens spent by the setup and PR agents' tasks (agent types {@code setup} and {@code pr})
 * against the tokens of the project's work (every other task), as the ledger counts them. The seed's target is under
 * 2 % of the work.
 */
public record Phase0Overhead(long phase0Tokens, long workTokens) {

    public static final Set<String> PHASE0_AGENT_TYPES = Set.of("setup", "pr");
    public static final double TARGET = 0.02;

    /** From each agent type's tokens (a task without an agent type is work). */
    public static Phase0Overhead of(Map<String, Long> tokensByAgentType) {
        long phase0 = 0;
        long work = 0;
        for (Map.Entry<String, Long> entry : tokensByAgentType.entrySet()) {
            if (entry.getKey() != null && PHASE0_AGENT_TYPES.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                phase0 += entry.getValue();
            } else {
                work += entry.getValue();
            }
        }
        return new Phase0Overhead(phase0, work);
    }

    /** Phase 0's tokens as a share of the work's; 0 when neither has spent anything, infinite when only Phase 0 has. */
    public double share() {
        if (phase0Tokens == 0) {
            return 0;
        }
        return workTokens == 0 ? Double.POSITIVE_INFINITY : (double) phase0Tokens / workTokens;
    }

    public boolean withinTarget() {
        return share() < TARGET;
    }

    /** {@code 1.25 %}, or {@code no work yet} when there is nothing to compare with. */
    public String shareText() {
        return Double.isInfinite(share()) ? "no work yet" : String.format(Locale.ROOT, "%.2f %%", share() * 100);
    }
}
