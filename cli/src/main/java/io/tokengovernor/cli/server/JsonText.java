package io.tokengovernor.cli.server;

import com.fasterxml.jackson.databind.JsonNode;

/** How one JSON value reads in a terminal. */
public final class JsonText {

    public static final String ABSENT = "-";

    private JsonText() {
    }

    public static String of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return ABSENT;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
