package io.tokengovernor.cli.pr;

/** The PR agent found, before changing anything, that it cannot do what it was asked; nothing was created. */
public final class PullRequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final io.tokengovernor.cli.ExitCode exitCode;

    public PullRequestRefused(io.tokengovernor.cli.ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public io.tokengovernor.cli.ExitCode exitCode() {
        return exitCode;
    }
}
