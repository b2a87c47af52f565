package io.tokengovernor.web.projects;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.registry.entity.Project;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project as the API shows it; the webhook secret is never included. */
@Schema(name = "Project")
public class ProjectView {

    public String id;
    public String name;
    public String owner;
    public int tier;
    public long tokenBudget;
    public BudgetWindow budgetWindow;
    public Long softLimit;
    public String webhookUrl;
    public long usedTokens;
    public long reservedTokens;
    public long remainingTokens;
    public Instant createdAt;
    public Instant updatedAt;
    @Schema(description = "Checkpoint threshold bounds in force: default, min and max shares of a budget")
    public ThresholdView thresholds;
    @Schema(description = "The project's API key: present once, in the answer that created the project")
    public String apiKey;

    public static ProjectView of(Project project, ThresholdSettings thresholds) {
        ProjectView view = of(project);
        view.thresholds = new ThresholdView();
        view.thresholds.defaultShare = thresholds.defaultThreshold();
        view.thresholds.min = thresholds.min();
        view.thresholds.max = thresholds.max();
        return view;
    }

    /** Threshold bounds as shares of a budget. */
    @Schema(name = "ThresholdBounds")
    public static class ThresholdView {
        @jakarta.json.bind.annotation.JsonbProperty("default")
        public double defaultShare;
        public double min;
        public double max;
    }

    public static ProjectView of(Project project) {
        ProjectView view = new ProjectView();
        view.id = project.getId();
        view.name = project.getName();
        view.owner = project.getOwner();
        view.tier = project.getTier();
        view.tokenBudget = project.getTokenBudget();
        view.budgetWindow = project.getBudgetWindow();
        view.softLimit = project.getSoftLimit();
        view.webhookUrl = project.getWebhookUrl();
        view.usedTokens = project.getUsedTokens();
        view.reservedTokens = project.getReservedTokens();
        view.remainingTokens = project.getRemainingTokens();
        view.createdAt = project.getCreatedAt();
        view.updatedAt = project.getUpdatedAt();
        return view;
    }
}
