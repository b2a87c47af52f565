package io.tokengovernor.cli.measure;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn in place; only on a terminal. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean visible;
    private boolean drawn;

    Progress(PrintWriter err, boolean wanted) {
        this.err = err;
        this.visible = wanted && System.console() != null;
    }

    void show(int done, int total) {
        if (!visible || total == 0) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " events");
        err.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
