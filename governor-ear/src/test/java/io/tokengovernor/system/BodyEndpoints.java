package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation that takes a JSON or JSON Lines body, as the server's own OpenAPI document lists it, so that an
 * endpoint added later is in the hostile-body suite without anyone remembering to add it.
 */
final class BodyEndpoints {

    private BodyEndpoints() {
    }

    /** One operation with a JSON body: {@code POST /tasks/{id}/reservations}, its media types and schema. */
    record BodyEndpoint(String method, String path, List<String> mediaTypes, JsonNode schema) {

        String name() {
            return method + " " + path;
        }

        /** Whether the body is JSON Lines (one value per line) rather than one JSON document. */
        boolean jsonLines() {
            return mediaTypes.stream().allMatch(BodyEndpoints::isJsonLines);
        }
    }

    static List<BodyEndpoint> fromOpenApi(JsonNode openApi) {
        List<BodyEndpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode content = operation.getValue().path("requestBody").path("content");
                List<String> json = new ArrayList<>();
                JsonNode schema = null;
                for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = types.next();
                    if (isJson(type.getKey()) || isJsonLines(type.getKey())) {
                        json.add(type.getKey());
                        schema = schema == null ? resolve(openApi, type.getValue().path("schema")) : schema;
                    }
                }
                if (!json.isEmpty()) {
                    endpoints.add(new BodyEndpoint(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), json,
                            schema));
                }
            }
        }
        return endpoints;
    }

    /** The schema itself when it is a reference into {@code components}. */
    static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String name = resolved.get("$ref").asText().replace("#/components/schemas/", "");
            resolved = openApi.path("components").path("schemas").path(name);
        }
        return resolved;
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean isJsonLines(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.equals("application/x-ndjson") || type.equals("application/jsonl");
    }
}
