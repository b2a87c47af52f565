package io.tokengovernor.pulls.boundary;

/** Which pull request: a project's, in a repository ({@code owner/name}), by number. */
public record PullRequestKey(String projectId, String repository, int number) {

    @Override
    public String toString() {
        return repository + "#" + number + " of project " + projectId;
    }
}
