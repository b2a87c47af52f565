package io.tokengovernor.cli.server;

import io.tokengovernor.cli.ExitCode;

/** A success status whose body is not the JSON the contract promises, e.g. a proxy's HTML page. */
public final class UnexpectedAnswer extends ServerCallFailed {

    UnexpectedAnswer(String request, int status) {
        super("unexpected answer to " + request + ": HTTP " + status + " without a JSON body");
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.SERVER_ERROR;
    }
}
