package io.tokengovernor.faces.pulls;

import io.tokengovernor.pulls.boundary.PullRequestRow;
import io.tokengovernor.pulls.entity.PullState;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A project's pull requests as the PR history page shows them: narrowed to one state or not, with the counts the
 * state filter shows and the tokens of what is shown. No container: unit-tested.
 */
public record PullList(List<PullRequestRow> all, PullState state) implements Serializable {

    public PullList {
        all = List.copyOf(all);
    }

    /** The pull requests in the chosen state, newest first as listed; all of them without a state. */
    public List<PullRequestRow> shown() {
        return state == null ? all : all.stream().filter(pull -> pull.state() == state).toList();
    }

    public long count(PullState of) {
        return all.stream().filter(pull -> pull.state() == of).count();
    }

    /** Tokens of the pull requests shown. */
    public long tokens() {
        return shown().stream().mapToLong(PullRequestRow::tokens).sum();
    }

    /** A state named in an address ({@code open}, {@code MERGED}…); empty for anything else. */
    public static Optional<PullState> stateNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PullState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** OPEN blue, MERGED green, CLOSED (without merging) red. */
    public static String severity(PullState state) {
        return switch (state) {
            case OPEN -> "info";
            case MERGED -> "success";
            case CLOSED -> "danger";
        };
    }

    /** What the reviews say, in words: GitHub's approvals and requests for changes, once it has been asked. */
    public static String reviews(PullRequestRow pull) {
        if (pull.refreshedAt() == null) {
            return "not asked yet";
        }
        if (pull.approvals() == 0 && pull.changesRequested() == 0) {
            return "no reviews";
        }
        String approvals = pull.approvals() == 0 ? null
                : pull.approvals() + (pull.approvals() == 1 ? " approval" : " approvals");
        String changes = pull.changesRequested() == 0 ? null
                : pull.changesRequested() + (pull.changesRequested() == 1 ? " change request" : " change requests");
        return approvals == null ? changes : changes == null ? approvals : approvals + ", " + changes;
    }

    /** The pull request's address when it is a web address, so that nothing else ever becomes a link. */
    public static String link(PullRequestRow pull) {
        String url = pull.url();
        return url != null && url.matches("https?://[^\\s\"'<>]+") ? url : null;
    }
}
