package io.tokengovernor.cli.status;

import java.util.Locale;

/** The things whose status the server reports; the lower-case name is the URL segment. */
enum StatusLevel {
    PROJECT, AGENT, TASK, PACKAGE;

    String segment() {
        return name().toLowerCase(Locale.ROOT);
    }
}
