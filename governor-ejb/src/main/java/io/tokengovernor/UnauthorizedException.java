package io.tokengovernor;

/** A mutating request came without a valid API key. */
public class UnauthorizedException extends GovernorException {

    public UnauthorizedException(String detail) {
        super(detail);
    }

    @Override
    public String problemType() {
        return "unauthorized";
    }

    @Override
    public int status() {
        return 401;
    }
}
