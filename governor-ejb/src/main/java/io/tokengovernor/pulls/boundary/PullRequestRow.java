package io.tokengovernor.pulls.boundary;

import io.tokengovernor.pulls.entity.PullState;
import java.time.Instant;
import java.util.List;

/**
 * One pull request as lists show it (REST, CLI, dashboard): plain values, never an entity, so showing it loads
 * nothing. {@code tokens} is what the tasks that produced it (and their child tasks) have spent, as the ledger
 * counts now; {@code refreshedAt} is when GitHub was last asked (null: not yet).
 */
public record PullRequestRow(String repository, int number, String title, String url, String branch,
        String baseBranch, PullState state, int approvals, int changesRequested, boolean merged, Instant mergedAt,
        long tokens, List<String> taskIds, Instant openedAt, Instant updatedAt, Instant refreshedAt) {

    public PullRequestRow {
        taskIds = List.copyOf(taskIds);
    }
}
