package io.tokengovernor.core.claudecode;

import io.tokengovernor.core.inspector.Directive;
import java.time.Instant;
import java.util.Locale;

/**
 * The short texts the hooks put into a session's context. Kept small on purpose: the session start
 * line is well under 60 tokens, so the governor costs a session almost nothing in context.
 */
public final class BudgetLine {

    private BudgetLine() {
    }

    /** E.g. {@code TokenGovernor: task 12.3k of 50k tokens, project 1.2M of 5M (DAILY); CONTINUE.} */
    public static String of(Directive directive, long projectUsed, long projectBudget, String window) {
        return "TokenGovernor: task " + compact(directive.used()) + " of " + compact(directive.budget())
                + " tokens, project " + compact(projectUsed) + " of " + compact(projectBudget) + " (" + window
                + "); " + directive.action() + ".";
    }

    /** Why the task may not go on, and when the scheduler expects to resume it. */
    public static String paused(Directive directive, Instant predictedResume, String prediction) {
        String when = predictedResume != null ? " The scheduler predicts a resume at " + predictedResume + "."
                : prediction != null ? " Resume: " + prediction.toLowerCase(Locale.ROOT).replace('_', ' ') + "."
                : " The scheduler resumes it when tokens are available again.";
        return "TokenGovernor paused this task: " + directive.reason() + "." + when
                + " Stop here; do not start other work.";
    }

    static String compact(long tokens) {
        if (tokens >= 1_000_000) {
            return trim(tokens / 1_000_000.0) + "M";
        }
        if (tokens >= 1_000) {
            return trim(tokens / 1_000.0) + "k";
        }
        return Long.toString(tokens);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
