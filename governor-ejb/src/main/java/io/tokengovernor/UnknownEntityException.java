package io.tokengovernor;

/** A request named a project, task, package or agent that does not exist. */
public class UnknownEntityException extends GovernorException {

    public UnknownEntityException(String kind, String id) {
        super("No " + kind + " with id " + id + " is registered.");
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public int status() {
        return 404;
    }
}
