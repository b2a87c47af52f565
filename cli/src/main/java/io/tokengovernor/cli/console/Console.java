package io.tokengovernor.cli.console;

import io.tokengovernor.cli.server.ServerCallFailed;
import io.tokengovernor.cli.server.ServerProblem;
import java.io.PrintWriter;

/**
 * The terminal of one command run. In --json mode stdout carries only the server's JSON;
 * otherwise people read short lines and tables. Errors go to stderr, except a problem
 * document in --json mode, which is data for the calling script.
 */
public final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Console(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public boolean wantsJson() {
        return json;
    }

    /** Prints a JSON document exactly as the server sent it, ending the line. */
    public void printJson(String document) {
        out.println(document.strip());
    }

    public void line(String text) {
        out.println(text);
    }

    public void print(Table table) {
        table.lines().forEach(out::println);
    }

    public void report(ServerCallFailed failure) {
        if (json && failure instanceof ServerProblem problem) {
            printJson(problem.problemJson());
            return;
        }
        err.println("error: " + failure.getMessage());
        if (failure instanceof ServerProblem problem) {
            problem.fieldErrors().forEach(error -> err.println("  " + error.field() + ": " + error.message()));
        }
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
