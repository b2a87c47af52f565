package io.tokengovernor.pulls.entity;

/** A pull request's state as the dashboard and the CLI show it: GitHub's open/closed, with merged told apart. */
public enum PullState {
    OPEN, CLOSED, MERGED
}
