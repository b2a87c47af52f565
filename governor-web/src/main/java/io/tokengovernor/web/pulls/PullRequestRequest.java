package io.tokengovernor.web.pulls;

import io.tokengovernor.pulls.entity.PullRequestOpened;
import io.tokengovernor.pulls.entity.PullState;
import io.tokengovernor.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/projects/{id}/pulls}: a pull request the PR agent ({@code token-gov commit --pr}) opened. */
@Schema(name = "PullRequestRecord")
public class PullRequestRequest {

    static final String BRANCH = "[A-Za-z0-9._/-]{1,255}";
    static final String BRANCH_MESSAGE = "must be a branch name (letters, digits, . _ / -)";

    @NotNull(message = "is required")
    @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}", message = "must be owner/name")
    @Schema(example = "octocat/demo")
    public String repository;
    @NotNull(message = "is required")
    @Min(value = 1, message = "must be 1 to 2147483647")
    @Max(value = Integer.MAX_VALUE, message = "must be 1 to 2147483647")
    public Long number;
    @NotNull(message = "is required")
    @Size(max = 2000, message = "must be at most 2000 characters")
    @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
    @Schema(example = "https://github.com/octocat/demo/pull/7")
    public String url;
    @NotNull(message = "is required")
    @Pattern(regexp = BRANCH, message = BRANCH_MESSAGE)
    public String branch;
    @NotNull(message = "is required")
    @Pattern(regexp = BRANCH, message = BRANCH_MESSAGE)
    public String baseBranch;
    @NotBlank(message = "is required")
    @Size(max = 256, message = "must be at most 256 characters")
    public String title;
    @Schema(description = "Left out: OPEN")
    public PullState state;
    @Size(max = 50, message = "must name at most 50 tasks")
    @Schema(description = "The tasks whose work the pull request carries; its tokens are theirs and their child tasks'")
    public List<@NotNull(message = "must not be null") @Pattern(regexp = Ids.UUID_PATTERN, message = Ids.UUID_MESSAGE)
            String> taskIds;

    PullRequestOpened toOpened() {
        List<String> tasks = taskIds == null ? List.of() : taskIds.stream().map(Ids::normalise).distinct().toList();
        return new PullRequestOpened(repository, number.intValue(), url, branch, baseBranch, title, state, tasks);
    }
}
