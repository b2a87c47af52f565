package io.tokengovernor;

/**
 * A registration reused an id with different content, or a change contradicts the current state
 * (for instance a task moving to a state its lifecycle does not allow).
 */
public class ConflictException extends GovernorException {

    private final String problemType;

    private ConflictException(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    public static ConflictException registration(String kind, String id, String difference) {
        return new ConflictException("registration-conflict",
                "A different " + kind + " is already registered with id " + id + ": " + difference + ".");
    }

    public static ConflictException state(String detail) {
        return new ConflictException("state-conflict", detail);
    }

    @Override
    public String problemType() {
        return problemType;
    }

    @Override
    public int status() {
        return 409;
    }
}
