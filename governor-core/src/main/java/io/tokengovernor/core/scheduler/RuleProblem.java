package io.tokengovernor.core.scheduler;

/**
 * One thing wrong with a scheduler rules file, in the wire contract's {@code {field, message}} shape.
 * A problem with the document as a whole (not JSON, not an object) names the field {@code $}.
 */
public record RuleProblem(String field, String message) {

    public static final String WHOLE_FILE = "$";

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
