package io.tokengovernor.core.pulls;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.pulls.ReviewTally.Review;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTallyTest {

    private static Review review(String who, String state, int minute) {
        return new Review(who, state, Instant.parse("2026-12-05T10:00:00Z").plusSeconds(60L * minute));
    }

    @Test
    void each_reviewer_counts_once_with_the_latest_standing_review() {
        ReviewTally tally = ReviewTally.of(List.of(review("ana", "CHANGES_REQUESTED", 1), review("ana", "APPROVED", 5),
                review("bo", "APPROVED", 2), review("bo", "CHANGES_REQUESTED", 3), review("cy", "APPROVED", 4)));

        assertThat(tally).isEqualTo(new ReviewTally(2, 1));
    }

    @Test
    void comments_and_pending_reviews_leave_the_standing_and_a_dismissal_removes_it() {
        ReviewTally tally = ReviewTally.of(List.of(review("ana", "APPROVED", 1), review("ana", "COMMENTED", 2),
                review("bo", "CHANGES_REQUESTED", 1), review("bo", "DISMISSED", 2), review("cy", "PENDING", 3),
                review("dee", "COMMENTED", 4)));

        assertThat(tally).isEqualTo(new ReviewTally(1, 0));
    }

    @Test
    void the_order_of_the_list_does_not_matter_only_the_submission_time() {
        assertThat(ReviewTally.of(List.of(review("ana", "APPROVED", 9), review("ana", "CHANGES_REQUESTED", 1))))
                .isEqualTo(new ReviewTally(1, 0));
        assertThat(ReviewTally.of(List.of())).isEqualTo(new ReviewTally(0, 0));
    }
}
