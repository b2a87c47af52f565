package io.tokengovernor.cli.setup;

/** One thing the Setup agent looked at in the repository, and what it found or did. */
public record SetupStep(String what, Outcome outcome) {

    /** What became of a step: changed by this run, already as the plan wants, or (when only checking) not yet. */
    public enum Outcome {
        CREATED(true), UPDATED(true), UNCHANGED(false), MISSING(false), DIFFERS(false);

        private final boolean change;

        Outcome(boolean change) {
            this.change = change;
        }

        /** Whether this run changed the repository. */
        public boolean isChange() {
            return change;
        }

        /** Whether the repository already matched the plan here. */
        public boolean matched() {
            return this == UNCHANGED;
        }
    }

    public String line() {
        return what + ": " + switch (outcome) {
            case CREATED -> "created";
            case UPDATED -> "updated";
            case UNCHANGED -> "already as planned";
            case MISSING -> "missing";
            case DIFFERS -> "differs from the plan";
        };
    }
}
