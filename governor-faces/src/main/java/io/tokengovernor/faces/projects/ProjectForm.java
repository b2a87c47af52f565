package io.tokengovernor.faces.projects;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.registry.entity.ProjectRegistration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** What the "Register project" dialog collects; Faces validates each field against these constraints. */
public class ProjectForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "Enter a project name.")
    @Size(max = 200, message = "Keep the name under 200 characters.")
    private String name;

    @NotBlank(message = "Enter the owner (a person or team).")
    @Size(max = 200, message = "Keep the owner under 200 characters.")
    private String owner;

    @NotNull(message = "Choose tier 1 or 2.")
    @Min(value = 1, message = "Choose tier 1 or 2.")
    @Max(value = 2, message = "Choose tier 1 or 2.")
    private Integer tier = 2;

    @NotNull(message = "Enter a token budget (0 or more).")
    @PositiveOrZero(message = "The token budget must be 0 or more.")
    private Long tokenBudget;

    @NotNull(message = "Choose a budget window.")
    private BudgetWindow budgetWindow = BudgetWindow.NONE;

    @PositiveOrZero(message = "The soft limit must be 0 or more, or left empty.")
    private Long softLimit;

    public ProjectRegistration toRegistration() {
        return new ProjectRegistration(name.strip(), owner.strip(), tier, tokenBudget, budgetWindow, softLimit,
                null, null);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier;
    }

    public Long getTokenBudget() {
        return tokenBudget;
    }

    public void setTokenBudget(Long tokenBudget) {
        this.tokenBudget = tokenBudget;
    }

    public BudgetWindow getBudgetWindow() {
        return budgetWindow;
    }

    public void setBudgetWindow(BudgetWindow budgetWindow) {
        this.budgetWindow = budgetWindow;
    }

    public Long getSoftLimit() {
        return softLimit;
    }

    public void setSoftLimit(Long softLimit) {
        this.softLimit = softLimit;
    }
}
