package io.tokengovernor;

/** The API key is valid but may not touch what the request names (another project, an admin action). */
public class ForbiddenException extends GovernorException {

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public String problemType() {
        return "forbidden";
    }

    @Override
    public int status() {
        return 403;
    }
}
