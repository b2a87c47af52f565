package io.tokengovernor.web.projects;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.registry.entity.ProjectChange;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /api/projects/{id}}: only the fields present change. */
@Schema(name = "ProjectPatch", description = "Fields to change; absent fields keep their value")
public class ProjectPatch {

    @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
    @Pattern(regexp = ".*\\S.*", message = "must not be blank")
    public String name;
    @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
    @Pattern(regexp = ".*\\S.*", message = "must not be blank")
    public String owner;
    @Min(value = 1, message = "must be 1 (high) or 2 (low)")
    @Max(value = 2, message = "must be 1 (high) or 2 (low)")
    public Integer tier;
    @PositiveOrZero(message = "must be zero or more tokens")
    public Long tokenBudget;
    public BudgetWindow budgetWindow;
    @PositiveOrZero(message = "must be zero or more tokens")
    public Long softLimit;
    @DecimalMin(value = "0", inclusive = false, message = "must be a share of the budget above 0 and at most 1")
    @DecimalMax(value = "1", message = "must be a share of the budget above 0 and at most 1")
    @Schema(description = "Default checkpoint threshold of this project's tasks, as a share of the budget",
            example = "0.85")
    public Double threshold;
    @DecimalMin(value = "0", inclusive = false, message = "must be a share of the budget above 0 and at most 1")
    @DecimalMax(value = "1", message = "must be a share of the budget above 0 and at most 1")
    @Schema(description = "Lowest threshold the adaptive rule may choose", example = "0.5")
    public Double thresholdMin;
    @DecimalMin(value = "0", inclusive = false, message = "must be a share of the budget above 0 and at most 1")
    @DecimalMax(value = "1", message = "must be a share of the budget above 0 and at most 1")
    @Schema(description = "Highest threshold the adaptive rule may choose", example = "0.95")
    public Double thresholdMax;

    ProjectChange toChange() {
        return new ProjectChange(name == null ? null : name.strip(), owner == null ? null : owner.strip(), tier,
                tokenBudget, budgetWindow, softLimit, threshold, thresholdMin, thresholdMax);
    }
}
