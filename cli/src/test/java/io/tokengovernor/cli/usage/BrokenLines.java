package io.tokengovernor.cli.usage;

import java.util.List;
import java.util.Random;

/**
 * Turns a well-formed usage line into one that ccusage drops or reads in its own way: a JSON null under
 * a listed key (anywhere in the line) or an unlisted one, a bad timestamp, token counts that are not
 * counts, empty ids, a foreign version, malformed JSON, a known field of the wrong type, a repeated
 * field, the usage marker written with a space. Which mutation, and where, comes from the random source.
 */
final class BrokenLines {

    private static final List<String> NULLABLE_KEYS = List.of("id", "cwd", "model", "speed", "costUSD", "version",
            "sessionId", "requestId", "isApiErrorMessage", "cache_read_input_tokens", "cache_creation_input_tokens",
            "content", "stop_reason", "parentUuid", "gitBranch");
    private static final List<String> BAD_TIMESTAMPS = List.of("2026-03-28T10:00:00.12Z", "2026-03-28T10:00:00",
            "2026-02-30T10:00:00Z", "2026-03-28 10:00:00Z", "2026-03-28T10:00:00.1234Z", "2026-03-28T24:00:00Z",
            "2026-03-28T10:00:00+0200", "20260328T100000Z");
    // counts from 2^63 up are out of scope (see cli/README.md); 2^64 and more are dropped by both tools
    private static final List<String> BAD_COUNTS = List.of("100.0", "\"100\"", "-5", "1e2", "null", "true",
            "99999999999999999999", "18446744073709551616", "4294967296", "0");
    private static final List<String> WRONG_TYPES = List.of(
            "\"isSidechain\":", "\"isSidechain\":\"yes\"",
            "\"cwd\":", "\"cwd\":5",
            "\"type\":", "\"type\":7",
            "\"uuid\":", "\"uuid\":[1]");

    private final Random random;

    BrokenLines(Random random) {
        this.random = random;
    }

    String line(String good) {
        return switch (random.nextInt(12)) {
            case 0 -> nullUnder(good);
            case 1 -> good.replaceFirst("\"timestamp\":\"[^\"]*\"",
                    "\"timestamp\":\"" + BAD_TIMESTAMPS.get(random.nextInt(BAD_TIMESTAMPS.size())) + "\"");
            case 2 -> good.replaceFirst(random.nextBoolean() ? "\"input_tokens\":\\d+" : "\"output_tokens\":\\d+",
                    (random.nextBoolean() ? "\"input_tokens\":" : "\"output_tokens\":") + BAD_COUNTS.get(random.nextInt(BAD_COUNTS.size())));
            case 3 -> empty(good);
            case 4 -> good.replaceFirst("\"version\":\"[^\"]*\"", "\"version\":\"" + (random.nextBoolean() ? "abc" : "2.1.0-beta") + "\"");
            case 5 -> malformed(good);
            case 6 -> wrongType(good);
            case 7 -> good.replaceFirst("\\}$", ",\"requestId\":\"req_again\"}"); // a repeated field
            case 8 -> good.replace("\"usage\":{", "\"usage\": {");
            case 9 -> good.replaceFirst("\\}$", ",\"isApiErrorMessage\":" + (random.nextBoolean() ? "\"yes\"" : "false") + "}");
            case 10 -> good.replaceFirst("\\}$", ",\"costUSD\":\"0.5\"}");
            default -> good.replaceFirst("\"speed\":\"[a-z]*\"|\"service_tier\"", "\"speed\":\"turbo\",\"service_tier\"");
        };
    }

    /** {@code "key":null} (sometimes {@code "key": null}) at the top level, in the message, or in its usage. */
    private String nullUnder(String good) {
        String key = NULLABLE_KEYS.get(random.nextInt(NULLABLE_KEYS.size()));
        String value = "\"" + key + "\"" + (random.nextInt(4) == 0 ? ": null" : ":null");
        return switch (random.nextInt(3)) {
            case 0 -> good.replaceFirst("^\\{", "{" + value + ",");
            case 1 -> good.replace("\"message\":{", "\"message\":{" + value + ",");
            default -> good.replace("\"usage\":{", "\"usage\":{" + value + ",");
        };
    }

    private String empty(String good) {
        return switch (random.nextInt(4)) {
            case 0 -> good.replaceFirst("\"requestId\":\"[^\"]*\"", "\"requestId\":\"\"");
            case 1 -> good.replaceFirst("\"message\":\\{\"id\":\"[^\"]*\"", "\"message\":{\"id\":\"\"");
            case 2 -> good.replaceFirst("\"model\":\"[^\"]*\"", "\"model\":\"\"");
            default -> good.replaceFirst("\"sessionId\":\"[^\"]*\"", "\"sessionId\":\"\"");
        };
    }

    private String malformed(String good) {
        return switch (random.nextInt(4)) {
            case 0 -> good.substring(0, good.length() / 2 + random.nextInt(good.length() / 2));
            case 1 -> good + (random.nextBoolean() ? " x" : "\r");
            case 2 -> good + good;
            default -> good.replaceFirst(",", ",,");
        };
    }

    private String wrongType(String good) {
        int pick = random.nextInt(WRONG_TYPES.size() / 2) * 2;
        String key = WRONG_TYPES.get(pick);
        String replaced = good.replaceFirst(java.util.regex.Pattern.quote(key) + "(\"[^\"]*\"|true|false|null)", WRONG_TYPES.get(pick + 1));
        if (!replaced.equals(good)) {
            return replaced;
        }
        return switch (random.nextInt(4)) {
            case 0 -> good.replaceFirst("\"sessionId\":\"[^\"]*\"", "\"sessionId\":5");
            case 1 -> good.replaceFirst("\"requestId\":\"[^\"]*\"", "\"requestId\":5");
            case 2 -> good.replaceFirst("\"version\":\"[^\"]*\"", "\"version\":2");
            default -> good.replaceFirst("\"model\":\"[^\"]*\"", "\"model\":[\"x\"]");
        };
    }
}
