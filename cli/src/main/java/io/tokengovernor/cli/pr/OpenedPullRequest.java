package io.tokengovernor.cli.pr;

import java.util.List;

/** The pull request the PR agent opened, and the commit it carries. */
public record OpenedPullRequest(int number, String url, String branch, String baseBranch, String commitSha,
        List<String> files, String body) {

    public OpenedPullRequest {
        files = List.copyOf(files);
    }
}
