package io.tokengovernor.web.projects;

import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.registry.entity.ProjectRegistration;
import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/projects/register}. */
@Schema(name = "ProjectRegistration", description = "A project to register; the id is generated when absent")
public class ProjectRequest {

    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    @Schema(description = "Client-chosen UUID; generated when absent")
    public String id;
    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be at most 200 characters")
    @Schema(required = true, example = "checkout-service")
    public String name;
    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be at most 200 characters")
    @Schema(required = true, description = "GitHub handle or e-mail", example = "octocat")
    public String owner;
    @NotNull(message = "is required (1 high or 2 low)")
    @Min(value = 1, message = "must be 1 (high) or 2 (low)")
    @Max(value = 2, message = "must be 1 (high) or 2 (low)")
    @Schema(required = true, enumeration = {"1", "2"}, example = "1")
    public Integer tier;
    @NotNull(message = "is required")
    @PositiveOrZero(message = "must be zero or more tokens")
    @Schema(required = true, example = "500000")
    public Long tokenBudget;
    @Schema(description = "Defaults to NONE (a lifetime budget)")
    public BudgetWindow budgetWindow;
    @PositiveOrZero(message = "must be zero or more tokens")
    @Schema(description = "Alert-only limit below the budget")
    public Long softLimit;
    @Size(max = 2000, message = "must be at most 2000 characters")
    @Pattern(regexp = "^https?://.+", message = "must be an http or https URL")
    public String webhookUrl;
    @Size(max = 500, message = "must be at most 500 characters")
    @Schema(description = "HMAC-SHA256 secret for webhook signatures; never echoed")
    public String webhookSecret;

    ProjectRegistration toRegistration() {
        return new ProjectRegistration(name.strip(), owner.strip(), tier, tokenBudget, budgetWindow, softLimit,
                webhookUrl, webhookSecret);
    }
}
