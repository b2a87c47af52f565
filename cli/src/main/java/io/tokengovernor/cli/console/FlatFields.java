package io.tokengovernor.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.cli.server.JsonText;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object flattened to "counts.tasks"-style keys in the server's order. Fields are shown
 * generically so that fields the server adds later appear without a CLI release.
 */
public final class FlatFields {

    private FlatFields() {
    }

    public static Map<String, String> of(JsonNode document) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", document, fields);
        return fields;
    }

    public static Table asTable(JsonNode document) {
        Table table = Table.withoutHeader();
        of(document).forEach(table::row);
        return table;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), fields);
            }
        } else if (node.isArray() && containsObjects(node)) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), fields);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(item -> joined.append(joined.length() == 0 ? "" : ", ").append(JsonText.of(item)));
            fields.put(prefix, joined.length() == 0 ? JsonText.ABSENT : joined.toString());
        } else {
            fields.put(prefix, JsonText.of(node));
        }
    }

    private static boolean containsObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }
}
