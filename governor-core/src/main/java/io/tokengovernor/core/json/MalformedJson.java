package io.tokengovernor.core.json;

import java.util.Optional;

/**
 * A request body that is not one well-formed JSON document within the reader's limits, or whose values do not
 * have the types of the fields they are meant for. Says where ({@link #field()}, when one is known) and why.
 */
public class MalformedJson extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public MalformedJson(String field, String reason) {
        super(field == null ? reason : field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The offending field as a path such as {@code events[2].inputTokens}; empty for the document as a whole. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String reason() {
        return reason;
    }
}
