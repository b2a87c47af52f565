package io.tokengovernor.core.claudelog;

/** {@code CLAUDE_CONFIG_DIR} is set but none of its entries holds a {@code projects/} folder. */
public final class NoLogFolder extends RuntimeException {

    public NoLogFolder(String configured) {
        super("No valid Claude data directories found in CLAUDE_CONFIG_DIR. Expected each path to be a Claude"
                + " config directory containing 'projects/', or the 'projects/' directory itself: " + configured);
    }
}
