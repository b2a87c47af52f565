package io.tokengovernor.cli.pr;

import java.util.List;

/**
 * What the PR agent is asked to do: commit {@code files} to a new {@code branch} of {@code repository} (owner/name)
 * on top of {@code baseBranch} and open a pull request into it. The body is the repository's PR template, filled in
 * by {@code body} once the template is read; {@code beforeWrites} runs once every check has passed, just before the
 * first change to the repository.
 */
public record PullRequestRequest(String repository, String baseBranch, String branch, String title,
        String commitMessage, BodyFiller body, Runnable beforeWrites) {

    /** Fills the template in with what is known once the files are chosen. */
    @FunctionalInterface
    public interface BodyFiller {
        String fill(String template, List<ChangedFile> files);
    }
}
