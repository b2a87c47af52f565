package io.tokengovernor.core.pulls;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull request's reviews as GitHub weighs them: each reviewer's latest standing review counts once — approved or
 * changes requested; a dismissed review takes the standing away; comments and pending reviews leave it as it was.
 */
public record ReviewTally(int approvals, int changesRequested) {

    /** One review as GitHub lists it ({@code state}: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING). */
    public record Review(String reviewer, String state, Instant submittedAt) {
    }

    public static ReviewTally of(List<Review> reviews) {
        Map<String, String> standing = new HashMap<>();
        reviews.stream().sorted(Comparator.comparing(Review::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(review -> {
                    switch (review.state()) {
                        case "APPROVED", "CHANGES_REQUESTED" -> standing.put(review.reviewer(), review.state());
                        case "DISMISSED" -> standing.remove(review.reviewer());
                        default -> {
                            // a comment or a pending review does not change where the reviewer stands
                        }
                    }
                });
        int approvals = (int) standing.values().stream().filter("APPROVED"::equals).count();
        return new ReviewTally(approvals, standing.size() - approvals);
    }
}
