package io.tokengovernor.pulls.boundary;

import io.tokengovernor.notify.boundary.ErrorLog;
import io.tokengovernor.notify.entity.ErrorEntry;
import io.tokengovernor.pulls.control.GitHubPulls;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.kohsuke.github.GitHub;

/**
 * Brings recorded pull requests up to date with GitHub: on demand for a project, and for every open one by the
 * timer. GitHub is asked outside any transaction (its calls and retries may take seconds); each answer is stored in
 * a short transaction of its own. A pull request GitHub cannot tell about stays as it was, and the failure goes to
 * the error log and the project's webhook.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PullRequestRefresh {

    private static final Logger LOG = Logger.getLogger(PullRequestRefresh.class.getName());

    @Inject
    PullRequests pulls;

    @Inject
    GitHubPulls github;

    @Inject
    ErrorLog errors;

    /** The outcome of a refresh: how many were brought up to date, and what failed. */
    public record Outcome(int refreshed, List<String> failures) {
    }

    /** Refreshes every pull request of the project (a closed one may be reopened, a merged one reviewed later). */
    public Outcome refresh(String projectId) {
        List<PullRequestKey> keys = pulls.list(projectId).stream()
                .map(row -> new PullRequestKey(projectId, row.repository(), row.number())).toList();
        return refresh(keys);
    }

    /** Refreshes every open pull request of every project (the timer's round). */
    public Outcome refreshOpen() {
        return refresh(pulls.open());
    }

    private Outcome refresh(List<PullRequestKey> keys) {
        if (keys.isEmpty()) {
            return new Outcome(0, List.of());
        }
        List<String> failures = new ArrayList<>();
        GitHub client;
        try {
            client = github.connect();
        } catch (IOException e) {
            keys.forEach(key -> failures.add(failed(key, e)));
            return new Outcome(0, failures);
        }
        int refreshed = 0;
        for (PullRequestKey key : keys) {
            try {
                pulls.refreshed(key, github.fetch(client, key.repository(), key.number()));
                refreshed++;
            } catch (IOException | RuntimeException e) {
                failures.add(failed(key, e));
            }
        }
        return new Outcome(refreshed, failures);
    }

    private String failed(PullRequestKey key, Exception failure) {
        String answer = failure instanceof org.kohsuke.github.HttpException http && http.getResponseCode() > 0
                ? "GitHub answered " + http.getResponseCode() + " " + firstLine(String.valueOf(http.getMessage()))
                : failure.getClass().getSimpleName() + ": " + firstLine(String.valueOf(failure.getMessage()));
        String detail = "GitHub could not tell how " + key.repository() + "#" + key.number() + " stands (after "
                + "retries): " + answer;
        LOG.warning(detail + " (project " + key.projectId() + ")");
        errors.record(ErrorEntry.Kind.EXTERNAL_CALL, "github", detail, key.projectId());
        pulls.notifyFailure(key, detail);
        return detail;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
