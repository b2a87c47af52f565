package io.tokengovernor.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The process exit codes of {@code token-gov}; scripts branch on these, so they never change meaning. */
public enum ExitCode {
    OK(0, "ok"),
    USAGE(2, "usage error: bad command-line arguments"),
    REJECTED(3, "the server rejected the input (HTTP 400, 413, 415, 422)"),
    NOT_FOUND(4, "not found (HTTP 404)"),
    CONFLICT(5, "conflict with what the server already holds (HTTP 409)"),
    UNAUTHORIZED(6, "unauthorized or forbidden (HTTP 401, 403)"),
    SERVER_ERROR(7, "server error (HTTP 5xx) or an unexpected answer"),
    UNREACHABLE(8, "server unreachable (down, unknown host, timeout)"),
    PAUSED(9, "the governor paused the work (token-gov run without --wait)"),
    AGENT_FAILED(10, "the agent failed (token-gov run: Claude Code exited with an error)"),
    BAD_FILE(11, "an input file is not valid (token-gov init: project_config.json)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public static ExitCode forHttpStatus(int status) {
        return switch (status) {
            case 400, 413, 415, 422 -> REJECTED;
            case 401, 403 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            // redirects, 405, 429 and 5xx alike mean the CLI and server disagree or the server failed
            default -> SERVER_ERROR;
        };
    }

    /** Code-to-meaning lines for the help footer, so the help and this enum cannot drift apart. */
    public static Map<String, String> helpList() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            lines.put(String.valueOf(exit.code), exit.meaning);
        }
        return lines;
    }
}
