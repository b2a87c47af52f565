package io.tokengovernor.pulls.entity;

import java.time.Instant;

/**
 * A pull request as GitHub shows it now: state (merged told apart from closed), title, and the reviews that count —
 * each reviewer's latest approving or change-requesting review, as GitHub's own review summary counts them.
 */
public record PullRequestOnGitHub(String title, PullState state, Instant mergedAt, int approvals,
        int changesRequested) {
}
