package io.tokengovernor.core.inspector;

import io.tokengovernor.core.budget.TokenBalance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides a reservation against every budget holder that contains the task (task, package,
 * project): granted only if each still has {@code budget − used − reserved ≥ tokens}.
 */
public final class Admission {

    private Admission() {
    }

    /** @param holders budget holders by level name, innermost first */
    public static AdmissionDecision decide(long tokens, Map<String, TokenBalance> holders) {
        if (tokens <= 0) {
            throw new IllegalArgumentException("a reservation needs a positive number of tokens, got " + tokens);
        }
        for (Map.Entry<String, TokenBalance> holder : new LinkedHashMap<>(holders).entrySet()) {
            TokenBalance balance = holder.getValue();
            if (!balance.allows(tokens)) {
                return AdmissionDecision.denied(holder.getKey(), holder.getKey() + " budget has " + balance.remaining()
                        + " of " + balance.budget() + " tokens left, " + tokens + " requested");
            }
        }
        return AdmissionDecision.grant();
    }

    /** The outcome: granted, or denied by the first holder that lacks the tokens. */
    public record AdmissionDecision(boolean granted, String limitingLevel, String reason) {

        static AdmissionDecision grant() {
            return new AdmissionDecision(true, null, "granted");
        }

        static AdmissionDecision denied(String level, String reason) {
            return new AdmissionDecision(false, level, reason);
        }
    }
}
