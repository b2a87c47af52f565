package io.tokengovernor.web.plans;

import io.tokengovernor.core.plan.ProjectInspection;
import io.tokengovernor.core.registry.Complexity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/projects/{id}/plans}: the {@code workflow_plan.json} that {@code token-gov init
 * --inspect} writes (README, "Deep inspection").
 */
@Schema(name = "WorkflowPlan")
public class PlanRequest {

    private static final String BRANCH = "[A-Za-z0-9._/-]{1,200}";
    private static final String BRANCH_MESSAGE = "must be a branch name (letters, digits, . _ / -)";

    @NotNull(message = "is required")
    @Valid
    public Inspection inspection;
    @Valid
    public Allocation allocation;
    @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}", message = "must be owner/name")
    @Schema(example = "octocat/token-governed")
    public String repository;
    @NotNull(message = "is required")
    @Pattern(regexp = BRANCH, message = BRANCH_MESSAGE)
    public String defaultBranch;
    @NotNull(message = "is required")
    @Size(min = 1, max = 6, message = "must name 1 to 6 branches")
    public List<@NotNull(message = "must not be null") @Pattern(regexp = BRANCH, message = BRANCH_MESSAGE) String>
            branches;
    @NotNull(message = "is required")
    @Size(min = 1, max = 5, message = "must have 1 to 5 agents")
    public List<@NotNull(message = "must not be null") @Valid Agent> agents;
    @NotNull(message = "is required")
    @PositiveOrZero(message = "must not be negative")
    public Long estimatedTokens;
    @NotNull(message = "is required")
    @PositiveOrZero(message = "must not be negative")
    public Long phase0Tokens;
    @DecimalMin(value = "0", message = "must be 0 to 1")
    @DecimalMax(value = "1", message = "must be 0 to 1")
    public Double phase0Share;
    @Pattern(regexp = "SERVER|HEURISTIC", message = "must be SERVER or HEURISTIC")
    public String estimateSource;

    /** What the inspection found. */
    @Schema(name = "PlanInspection")
    public static class Inspection {
        @NotNull(message = "is required")
        @PositiveOrZero(message = "must not be negative")
        public Long fileCount;
        @NotNull(message = "is required")
        @PositiveOrZero(message = "must not be negative")
        public Long apiCalls;
        @NotNull(message = "is required")
        @Pattern(regexp = "SIMPLE|COMPLEX|VERY_COMPLEX", message = "must be SIMPLE, COMPLEX or VERY_COMPLEX")
        public String taskComplexity;
        @NotNull(message = "is required")
        @Pattern(regexp = "PROJECT_CONFIG|WORKING_TREE", message = "must be PROJECT_CONFIG or WORKING_TREE")
        public String source;

        ProjectInspection toCore() {
            return new ProjectInspection(fileCount, apiCalls, Complexity.valueOf(taskComplexity),
                    ProjectInspection.Source.valueOf(source));
        }
    }

    /** The allocation and why; the server checks it against the inspection. */
    @Schema(name = "PlanAllocation")
    public static class Allocation {
        @Pattern(regexp = "ONE|TWO_TO_THREE|FOUR_TO_FIVE", message = "must be ONE, TWO_TO_THREE or FOUR_TO_FIVE")
        public String band;
        @Min(value = 1, message = "must be 1 to 5")
        @Max(value = 5, message = "must be 1 to 5")
        public Integer agents;
        @Size(max = 1000, message = "must be at most 1000 characters")
        public String reason;
    }

    /** One planned agent. */
    @Schema(name = "PlannedAgent")
    public static class Agent {
        @NotBlank(message = "is required")
        @Size(max = 100, message = "must be at most 100 characters")
        public String id;
        @NotEmpty(message = "must name at least one role")
        @Size(max = 3, message = "must name at most 3 roles")
        public List<@NotNull(message = "must not be null")
                @Pattern(regexp = "SETUP|PR|SIMULATION", message = "must be SETUP, PR or SIMULATION") String> roles;
        @NotNull(message = "is required")
        @Pattern(regexp = BRANCH, message = BRANCH_MESSAGE)
        public String branch;
        @NotNull(message = "is required")
        @PositiveOrZero(message = "must not be negative")
        public Long estimatedTokens;
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be 1 to 600")
        @Max(value = 600, message = "must be 1 to 600")
        public Integer callsPerMinute;
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be 1 to 1000000")
        @Max(value = 1_000_000, message = "must be 1 to 1000000")
        public Integer contextTokens;
    }

    @AssertTrue(message = "must be the sum of the agents' estimates")
    @Schema(hidden = true)
    public boolean isEstimatedTokensTheSum() {
        if (agents == null || estimatedTokens == null || agents.stream().anyMatch(a -> a == null
                || a.estimatedTokens == null)) {
            return true;
        }
        return agents.stream().mapToLong(a -> a.estimatedTokens).sum() == estimatedTokens;
    }

    @AssertTrue(message = "must equal the number of agents")
    @Schema(hidden = true)
    public boolean isAllocationAgentsTheCount() {
        return allocation == null || allocation.agents == null || agents == null
                || Objects.equals(allocation.agents, agents.size());
    }

    @AssertTrue(message = "must not be more than the estimated tokens")
    @Schema(hidden = true)
    public boolean isPhase0TokensWithinEstimate() {
        return phase0Tokens == null || estimatedTokens == null || phase0Tokens <= estimatedTokens;
    }
}
