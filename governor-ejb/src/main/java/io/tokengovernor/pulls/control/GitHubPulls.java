package io.tokengovernor.pulls.control;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.tokengovernor.core.pulls.ReviewTally;
import io.tokengovernor.pulls.entity.PullRequestOnGitHub;
import io.tokengovernor.pulls.entity.PullState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * How a pull request stands on GitHub, through the github-api client: state (merged told apart), title and the
 * reviews that count. A connection failure or a 5xx is retried 3 times with exponential backoff and jitter
 * (Failsafe), never a 4xx; GitHub's rate limits are waited out by the client's own handler ({@code Retry-After}).
 */
@ApplicationScoped
public class GitHubPulls {

    static final int RETRIES = 3;

    @Inject
    GitHubSettings settings;

    private final RetryPolicy<Object> retries = RetryPolicy.builder().handleIf(GitHubPulls::worthRetrying)
            .withMaxRetries(RETRIES).withBackoff(Duration.ofMillis(500), Duration.ofSeconds(8)).withJitter(0.25)
            .build();

    /** A client for one round of questions (it caches the users it has looked up). */
    public GitHub connect() throws IOException {
        GitHubBuilder builder = new GitHubBuilder().withEndpoint(settings.url());
        settings.token().ifPresent(builder::withOAuthToken);
        return builder.build();
    }

    /** The pull request as GitHub shows it now. */
    public PullRequestOnGitHub fetch(GitHub github, String repository, int number) throws IOException {
        GHPullRequest pull = retried(() -> github.getRepository(repository).getPullRequest(number));
        List<GHPullRequestReview> listed = retried(() -> pull.listReviews().toList());
        List<ReviewTally.Review> reviews = new ArrayList<>();
        for (GHPullRequestReview review : listed) {
            Date submitted = review.getSubmittedAt();
            String reviewer = retried(() -> review.getUser().getLogin());
            reviews.add(new ReviewTally.Review(reviewer, review.getState() == null ? "" : review.getState().name(),
                    submitted == null ? null : submitted.toInstant()));
        }
        ReviewTally tally = ReviewTally.of(reviews);
        PullState state = pull.isMerged() ? PullState.MERGED
                : pull.getState() == GHIssueState.CLOSED ? PullState.CLOSED : PullState.OPEN;
        Date mergedAt = pull.getMergedAt();
        return new PullRequestOnGitHub(pull.getTitle(), state, mergedAt == null ? null : mergedAt.toInstant(),
                tally.approvals(), tally.changesRequested());
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T retried(Call<T> call) throws IOException {
        try {
            return Failsafe.with(retries).get(call::run);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    static boolean worthRetrying(Throwable failure) {
        if (failure instanceof GHFileNotFoundException) {
            return false;
        }
        if (failure instanceof HttpException http) {
            return http.getResponseCode() >= 500 || http.getResponseCode() == -1;
        }
        return failure instanceof IOException && !(failure instanceof InterruptedIOException);
    }
}
