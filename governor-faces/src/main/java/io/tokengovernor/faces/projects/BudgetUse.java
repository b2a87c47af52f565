package io.tokengovernor.faces.projects;

/**
 * How much of a budget is spent, as the projects table draws it: a percentage for the bar and a
 * level that colours it.
 */
public record BudgetUse(long used, long budget) {

    /** Share at which the bar turns to a warning colour. */
    static final int WARNING_PERCENT = 80;

    /** Spent share of the budget in whole percent, 0–100; a zero budget counts as full once anything is spent. */
    public int percent() {
        if (budget <= 0) {
            return used > 0 ? 100 : 0;
        }
        if (used >= budget) {
            return 100;
        }
        return (int) Math.max(0, used * 100.0 / budget);
    }

    /** CSS modifier for the bar: {@code ok}, {@code warning} or {@code exhausted}. */
    public String level() {
        if (used > 0 && used >= budget) {
            return "exhausted";
        }
        return percent() >= WARNING_PERCENT ? "warning" : "ok";
    }
}
