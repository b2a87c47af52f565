package io.tokengovernor.cli.server;

import io.tokengovernor.cli.ExitCode;

/** Base of every way a call to the server can fail; the message is the one line a user reads after "error: ". */
public abstract class ServerCallFailed extends RuntimeException {

    protected ServerCallFailed(String message) {
        super(message, null, false, false); // a stack trace is never shown, so do not collect one
    }

    public abstract ExitCode exitCode();
}
