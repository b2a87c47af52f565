package io.tokengovernor.web.packages;

import io.tokengovernor.registry.entity.PackageRegistration;
import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/packages/register}. */
@Schema(name = "PackageRegistration", description = "A package of tasks of one project; the estimate defaults to "
        + "the sum of its tasks' estimates.")
public class PackageRequest {

    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    public String id;
    @NotBlank(message = "is required")
    @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
    @Schema(required = true)
    public String projectId;
    @Size(max = 10_000, message = "must list at most 10000 tasks")
    public List<@NotNull(message = "must not contain null") @Pattern(regexp = Ids.UUID_PATTERN,
            message = Ids.UUID_MESSAGE) String> taskIds;
    @PositiveOrZero(message = "must be zero or more tokens")
    public Long estimatedTokens;
    @Schema(description = "Higher runs first among packages of the same tier", defaultValue = "0")
    public Integer priority;
    @Schema(description = "RFC 3339 time before which the package must not start")
    public Instant notBefore;
    @Schema(description = "RFC 3339 time by which the package should be done")
    public Instant deadline;

    PackageRegistration toRegistration() {
        List<String> ids = taskIds == null ? List.of() : taskIds.stream().map(Ids::normalise).toList();
        return new PackageRegistration(Ids.normalise(projectId), ids, estimatedTokens,
                priority == null ? 0 : priority, notBefore, deadline);
    }
}
