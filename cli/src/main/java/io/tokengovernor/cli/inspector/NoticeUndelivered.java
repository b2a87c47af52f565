package io.tokengovernor.cli.inspector;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.server.ServerCallFailed;

/** The --notify webhook could not be reached or refused the list. */
final class NoticeUndelivered extends ServerCallFailed {

    private final ExitCode exitCode;

    NoticeUndelivered(String message, ExitCode exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    @Override
    public ExitCode exitCode() {
        return exitCode;
    }
}
