package io.tokengovernor.core.governance;

/** A command the engine refuses; nothing changed. The server maps the kind to 404, 409 or 400. */
public final class GovernanceException extends RuntimeException {

    /** What was wrong with the command. */
    public enum Kind {
        /** It names a project, package, task or reservation the engine does not hold. */
        UNKNOWN,
        /** The task's state does not allow it. */
        STATE,
        /** A value is out of its range. */
        INVALID
    }

    private final Kind kind;
    private final String subject;

    public GovernanceException(Kind kind, String subject, String message) {
        super(message);
        this.kind = kind;
        this.subject = subject;
    }

    static GovernanceException unknown(String what, String id) {
        return new GovernanceException(Kind.UNKNOWN, what, "no " + what + " with id " + id);
    }

    public Kind kind() {
        return kind;
    }

    /** The entity kind (UNKNOWN), or the field (INVALID), or the task id (STATE). */
    public String subject() {
        return subject;
    }
}
