package io.tokengovernor.core.pricing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads price files: the shipped {@code {"version":…,"models":{…},"fallback":{…}}} with compact keys ({@code i},
 * {@code o}, {@code cc}, {@code cr}, {@code ia}, …, {@code ctx}, {@code exact}; written by
 * {@code tools/ccusage-prices.mjs}) or LiteLLM's {@code model_prices_and_context_window.json}.
 * Missing cache prices default to 1.25 × (write) and 0.1 × (read) the input price, as LiteLLM's users expect.
 */
final class PriceFile {

    private static final JsonFactory JSON = new JsonFactory();

    private PriceFile() {
    }

    /** Reads the shipped file: its primary table into {@code into}, its models.dev table into {@code fallback}. */
    static String read(InputStream in, Map<String, ModelPrice> into, Map<String, ModelPrice> fallback,
                       Set<String> exactOnly) throws IOException {
        String version = "unversioned";
        try (JsonParser parser = JSON.createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("version".equals(field)) {
                    version = parser.getText();
                } else if ("models".equals(field)) {
                    readModels(parser, into, null);
                } else if ("fallback".equals(field)) {
                    readModels(parser, fallback, exactOnly);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return version;
    }

    /** Either {@code {"models":{…}}} or LiteLLM's flat {@code {"model":{"input_cost_per_token":…}}}. */
    static void overlay(InputStream in, Map<String, ModelPrice> into) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("models".equals(field) && parser.currentToken() == JsonToken.START_OBJECT) {
                    readModels(parser, into, null);
                } else if (parser.currentToken() == JsonToken.START_OBJECT) {
                    readModel(parser, field, into, null);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static void readModels(JsonParser parser, Map<String, ModelPrice> into, Set<String> exactOnly)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String model = parser.currentName();
            parser.nextToken();
            readModel(parser, model, into, exactOnly);
        }
    }

    private static void readModel(JsonParser parser, String model, Map<String, ModelPrice> into, Set<String> exactOnly)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        Map<String, Double> values = new HashMap<>();
        ContextTier tier = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isNumeric()) {
                values.put(name, parser.getDoubleValue());
            } else if ("provider_specific_entry".equals(name) && value == JsonToken.START_OBJECT) {
                readFast(parser, values);
            } else if ("ctx".equals(name) && value == JsonToken.START_OBJECT) {
                tier = readTier(parser);
            } else if ("exact".equals(name) && value == JsonToken.VALUE_TRUE && exactOnly != null) {
                exactOnly.add(model);
            } else {
                parser.skipChildren();
            }
        }
        Double input = first(values, "i", "input_cost_per_token");
        Double output = first(values, "o", "output_cost_per_token");
        if (input == null || output == null) {
            return; // LiteLLM lists image and embedding models without token prices
        }
        ModelPrice existing = into.get(model);
        Double fast = first(values, "fast", "fast");
        into.put(model, new ModelPrice(input, output,
                orElse(first(values, "cc", "cache_creation_input_token_cost"), input * 1.25),
                orElse(first(values, "cr", "cache_read_input_token_cost"), input * 0.1),
                orElse(first(values, "ia", "input_cost_per_token_above_200k_tokens"), Double.NaN),
                orElse(first(values, "oa", "output_cost_per_token_above_200k_tokens"), Double.NaN),
                orElse(first(values, "cca", "cache_creation_input_token_cost_above_200k_tokens"), Double.NaN),
                orElse(first(values, "cra", "cache_read_input_token_cost_above_200k_tokens"), Double.NaN),
                fast != null ? fast : existing != null ? existing.fastMultiplier() : 1.0, tier));
    }

    private static ContextTier readTier(JsonParser parser) throws IOException {
        Map<String, Double> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken().isNumeric()) {
                values.put(name, parser.getDoubleValue());
            } else {
                parser.skipChildren();
            }
        }
        if (!values.containsKey("size") || !values.containsKey("i") || !values.containsKey("o")) {
            return null;
        }
        return new ContextTier(values.get("size").longValue(), values.get("i"), values.get("o"),
                orElse(values.get("cc"), Double.NaN), orElse(values.get("cr"), Double.NaN));
    }

    private static void readFast(JsonParser parser, Map<String, Double> values) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("fast".equals(name) && value.isNumeric()) {
                values.put("fast", parser.getDoubleValue());
            } else {
                parser.skipChildren();
            }
        }
    }

    private static Double first(Map<String, Double> values, String compact, String litellm) {
        Double value = values.get(compact);
        return value != null ? value : values.get(litellm);
    }

    private static double orElse(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("a price file must be a JSON object");
        }
    }
}
