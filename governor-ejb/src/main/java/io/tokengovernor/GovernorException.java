package io.tokengovernor;

import jakarta.ejb.ApplicationException;

/**
 * Root of TokenGovernor's business failures. Each subclass is one failure with a stable problem
 * type; the REST layer turns them into RFC 9457 problem+json, the dashboard into Faces messages.
 * Throwing one rolls the transaction back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class GovernorException extends RuntimeException {

    protected GovernorException(String detail) {
        super(detail);
    }

    /** Last segment of the problem type URI, stable across versions (e.g. {@code not-found}). */
    public abstract String problemType();

    /** The HTTP status this failure stands for. */
    public abstract int status();

    public String title() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").replace(" Exception", "");
    }
}
