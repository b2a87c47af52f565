package io.tokengovernor.registry.entity;

import io.tokengovernor.core.budget.BudgetWindow;

/** A partial update of a project: only the non-null fields change. */
public record ProjectChange(String name, String owner, Integer tier, Long tokenBudget, BudgetWindow budgetWindow,
        Long softLimit, Double threshold, Double thresholdMin, Double thresholdMax) {

    public boolean isEmpty() {
        return name == null && owner == null && tier == null && tokenBudget == null && budgetWindow == null
                && softLimit == null && !changesThresholds();
    }

    public boolean changesThresholds() {
        return threshold != null || thresholdMin != null || thresholdMax != null;
    }
}
