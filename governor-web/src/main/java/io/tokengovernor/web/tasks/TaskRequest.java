package io.tokengovernor.web.tasks;

import io.tokengovernor.core.registry.Complexity;
import io.tokengovernor.core.registry.TaskEstimate;
import io.tokengovernor.registry.entity.TaskRegistration;
import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/tasks/register}. */
@Schema(name = "TaskRegistration", description = "A task to register. Complexity and estimate fill each other in "
        + "(SIMPLE < 1k, COMPLEX 1k-5k, VERY_COMPLEX > 5k tokens; typical sizes 500 / 3,000 / 10,000; neither "
        + "given: COMPLEX). The budget defaults to the estimate. Naming a new agent registers it.")
public class TaskRequest {

    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String id;
    @NotBlank(message = "is required")
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    @Schema(required = true)
    public String projectId;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String agentId;
    @Size(max = 100, message = "must be at most 100 characters")
    @Schema(example = "coder")
    public String agentType;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String packageId;
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String parentTaskId;
    public Complexity complexity;
    @PositiveOrZero(message = "must be zero or more tokens")
    public Long estimatedTokens;
    @PositiveOrZero(message = "must be zero or more tokens")
    public Long tokenBudget;
    @Size(max = 4000, message = "must be at most 4000 characters")
    public String description;
    @Min(value = 1, message = "must be 1 (high) or 2 (low)")
    @Max(value = 2, message = "must be 1 (high) or 2 (low)")
    @Schema(description = "Priority tier of this task; defaults to its project's. Tier-2 work yields first when "
            + "the project runs short.")
    public Integer tier;

    TaskRegistration toRegistration() {
        TaskEstimate estimate = TaskEstimate.of(complexity, estimatedTokens);
        long budget = tokenBudget != null ? tokenBudget : estimate.estimatedTokens();
        return new TaskRegistration(Ids.normalise(projectId), Ids.normalise(agentId), agentType,
                Ids.normalise(packageId), Ids.normalise(parentTaskId), estimate, budget, description, tier,
                estimatedTokens != null, tokenBudget != null);
    }
}
