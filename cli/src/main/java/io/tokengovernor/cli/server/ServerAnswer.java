package io.tokengovernor.cli.server;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: the body exactly as received (for --json) and parsed (for tables). */
public record ServerAnswer(int status, String raw, JsonNode json) {

    public boolean created() {
        return status == 201;
    }

    /** The field as text, or "-" when the server left it out or sent null. */
    public String text(String field) {
        return JsonText.of(json.get(field));
    }
}
