package io.tokengovernor.core.claudecode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoint an agent writes when asked: a message whose line starts with {@code CHECKPOINT:},
 * followed by what is done, the state and the next steps. Everything from the marker on is the summary.
 */
public final class CheckpointText {

    public static final String MARKER = "CHECKPOINT:";
    /** The longest summary kept (the checkpoint API's limit). */
    public static final int MAX_SUMMARY = 4_000;

    private static final Pattern AT_LINE_START = Pattern.compile("(?m)^\\s*\\**" + Pattern.quote(MARKER));

    private CheckpointText() {
    }

    public static Optional<String> find(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher marker = AT_LINE_START.matcher(message);
        if (!marker.find()) {
            return Optional.empty();
        }
        String summary = message.substring(marker.end()).strip();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary);
    }

    /** What the agent is told when the governor wants its checkpoint. */
    public static String request(String why) {
        return "TokenGovernor: " + why + " Write your checkpoint now: reply with one message that starts with "
                + "'" + MARKER + "' followed by a short summary of what is done, the current state and the next "
                + "steps. Then carry on.";
    }
}
