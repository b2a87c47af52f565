package io.tokengovernor.pulls.entity;

import java.util.List;

/**
 * What the PR agent reports after opening a pull request ({@code POST /api/projects/{id}/pulls}); {@code state}
 * may be left out (a new pull request is open).
 */
public record PullRequestOpened(String repository, int number, String url, String branch, String baseBranch,
        String title, PullState state, List<String> taskIds) {

    public PullRequestOpened {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }
}
