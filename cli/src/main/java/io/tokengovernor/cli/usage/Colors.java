package io.tokengovernor.cli.usage;

import java.util.Map;

/** ANSI colours, only on a terminal and never when NO_COLOR is set (no-color.org). */
record Colors(boolean enabled) {

    static Colors forTerminal(Map<String, String> environment) {
        return new Colors(System.console() != null && !environment.containsKey("NO_COLOR"));
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String gray(String text) {
        return wrap("90", text);
    }

    String bold(String text) {
        return wrap("1", text);
    }

    private String wrap(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
