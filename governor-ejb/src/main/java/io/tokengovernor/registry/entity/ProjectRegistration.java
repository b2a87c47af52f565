package io.tokengovernor.registry.entity;

import io.tokengovernor.core.budget.BudgetWindow;

/** What a client says about a project when registering it; defaults already applied. */
public record ProjectRegistration(String name, String owner, int tier, long tokenBudget, BudgetWindow budgetWindow,
        Long softLimit, String webhookUrl, String webhookSecret) {

    public ProjectRegistration {
        if (budgetWindow == null) {
            budgetWindow = BudgetWindow.NONE;
        }
    }
}
