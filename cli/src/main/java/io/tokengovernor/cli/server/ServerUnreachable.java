package io.tokengovernor.cli.server;

import io.tokengovernor.cli.ExitCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** No HTTP answer at all: the server is down, the host is unknown, or it did not answer in time. */
public final class ServerUnreachable extends ServerCallFailed {

    ServerUnreachable(ServerAddress address, String reason) {
        super("cannot reach TokenGovernor at " + address + " (" + reason + ")"
                + " - is the server running? Set --server or TOKEN_GOV_URL.");
    }

    /** The JDK client wraps the real cause, often without a message, so name it from the exception types. */
    public static String reasonFor(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof HttpTimeoutException) {
                return "timed out";
            }
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.UNREACHABLE;
    }
}
