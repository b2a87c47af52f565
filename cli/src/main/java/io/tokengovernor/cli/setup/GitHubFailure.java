package io.tokengovernor.cli.setup;

import io.tokengovernor.cli.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/** How a Phase 0 agent reports a GitHub call that failed for good (after the retries): one line and an exit code. */
public final class GitHubFailure {

    private GitHubFailure() {
    }

    /** Prints what went wrong and answers the exit code. */
    public static int report(IOException failure, String githubUrl, PrintWriter err) {
        if (failure instanceof HttpException e && e.getResponseCode() >= 100) {
            err.println("GitHub answered " + e.getResponseCode() + " " + e.getResponseMessage() + " for " + e.getUrl()
                    + ": " + firstLine(e.getMessage()));
            return e.getResponseCode() == 401 || e.getResponseCode() == 403 ? ExitCode.UNAUTHORIZED.code()
                    : e.getResponseCode() == 404 ? ExitCode.NOT_FOUND.code() : ExitCode.SERVER_ERROR.code();
        }
        if (failure instanceof GHFileNotFoundException) {
            err.println("GitHub answered 404 Not Found: " + firstLine(String.valueOf(failure.getMessage())));
            return ExitCode.NOT_FOUND.code();
        }
        err.println("GitHub at " + githubUrl + " could not be reached: " + firstLine(String.valueOf(failure.getMessage())));
        return ExitCode.UNREACHABLE.code();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
