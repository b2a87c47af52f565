package io.tokengovernor.core.scheduler;

import static io.tokengovernor.core.json.JsonTokens.notJson;
import static io.tokengovernor.core.json.JsonTokens.shown;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@code scheduler-rules.json}. Reading reports every problem at once (unknown keys,
 * wrong types, values out of range) so that a rejected PUT can list them all while the old rules stay;
 * keys that are absent take their {@link SchedulerRules#DEFAULTS default}.
 */
public final class SchedulerRulesFile {

    /** The shipped rules file, the starting point of {@code server-config/scheduler-rules.json}. */
    public static final String RESOURCE = "scheduler-rules.json";

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> KEYS = List.of("resumesPerMinute", "safetyFactor", "agingHoursPerTier",
            "backfill", "maxProjectShare", "passIntervalSeconds");
    private static final String DEFAULT_EXAMPLE = "{\"resumesPerMinute\":10,\"safetyFactor\":1.2}";

    private SchedulerRulesFile() {
    }

    /** @throws InvalidSchedulerRules with every problem found */
    public static SchedulerRules read(String json) {
        SchedulerRules defaults = SchedulerRules.DEFAULTS;
        Values values = new Values(defaults);
        List<RuleProblem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidSchedulerRules(List.of(new RuleProblem(RuleProblem.WHOLE_FILE,
                        "scheduler rules must be a JSON object such as " + DEFAULT_EXAMPLE)));
            }
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                if (seen.add(key)) {
                    values.read(key, parser, problems);
                } else {
                    problems.add(new RuleProblem(key, "appears more than once"));
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                problems.add(new RuleProblem(RuleProblem.WHOLE_FILE, "unexpected content after the rules object"));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidSchedulerRules(List.of(new RuleProblem(RuleProblem.WHOLE_FILE, notJson(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        problems.addAll(SchedulerRules.problemsOf(values.resumesPerMinute, values.safetyFactor,
                values.agingHoursPerTier, values.maxProjectShare, values.passIntervalSeconds));
        if (!problems.isEmpty()) {
            throw new InvalidSchedulerRules(problems);
        }
        return values.toRules();
    }

    /** The rules as a pretty-printed file with every key, in the documented order. */
    public static String write(SchedulerRules rules) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            json.writeStartObject();
            json.writeNumberField("resumesPerMinute", rules.resumesPerMinute());
            writeNumber(json, "safetyFactor", rules.safetyFactor());
            writeNumber(json, "agingHoursPerTier", rules.agingHoursPerTier());
            json.writeBooleanField("backfill", rules.backfill());
            writeNumber(json, "maxProjectShare", rules.maxProjectShare());
            json.writeNumberField("passIntervalSeconds", rules.passIntervalSeconds());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** The content of the shipped {@value #RESOURCE}. */
    public static String defaultJson() {
        try (InputStream in = SchedulerRulesFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNumber(JsonGenerator json, String field, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumberField(field, (long) value);
        } else {
            json.writeNumberField(field, value);
        }
    }

    /** The values read so far, starting from the defaults. */
    private static final class Values {
        int resumesPerMinute;
        double safetyFactor;
        double agingHoursPerTier;
        boolean backfill;
        double maxProjectShare;
        int passIntervalSeconds;

        Values(SchedulerRules defaults) {
            resumesPerMinute = defaults.resumesPerMinute();
            safetyFactor = defaults.safetyFactor();
            agingHoursPerTier = defaults.agingHoursPerTier();
            backfill = defaults.backfill();
            maxProjectShare = defaults.maxProjectShare();
            passIntervalSeconds = defaults.passIntervalSeconds();
        }

        void read(String key, JsonParser parser, List<RuleProblem> problems) throws IOException {
            switch (key) {
                case "resumesPerMinute" -> {
                    Integer value = wholeNumber(key, parser, problems);
                    resumesPerMinute = value != null ? value : resumesPerMinute;
                }
                case "safetyFactor" -> safetyFactor = number(key, parser, problems, safetyFactor);
                case "agingHoursPerTier" -> agingHoursPerTier = number(key, parser, problems, agingHoursPerTier);
                case "backfill" -> {
                    JsonToken token = parser.currentToken();
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        backfill = token == JsonToken.VALUE_TRUE;
                    } else {
                        problems.add(new RuleProblem(key, "must be true or false, got " + shown(parser)));
                    }
                }
                case "maxProjectShare" -> maxProjectShare = number(key, parser, problems, maxProjectShare);
                case "passIntervalSeconds" -> {
                    Integer value = wholeNumber(key, parser, problems);
                    passIntervalSeconds = value != null ? value : passIntervalSeconds;
                }
                default -> {
                    problems.add(new RuleProblem(key, "unknown key; known keys are " + String.join(", ", KEYS)));
                    parser.skipChildren();
                }
            }
        }

        SchedulerRules toRules() {
            return new SchedulerRules(resumesPerMinute, safetyFactor, agingHoursPerTier, backfill, maxProjectShare,
                    passIntervalSeconds);
        }

        private static Integer wholeNumber(String key, JsonParser parser, List<RuleProblem> problems)
                throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            String expected = parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    ? "is too large" : "must be a whole number";
            problems.add(new RuleProblem(key, expected + ", got " + shown(parser)));
            return null;
        }

        private static double number(String key, JsonParser parser, List<RuleProblem> problems, double fallback)
                throws IOException {
            if (parser.currentToken().isNumeric()) {
                return parser.getDoubleValue();
            }
            problems.add(new RuleProblem(key, "must be a number, got " + shown(parser)));
            return fallback;
        }
    }
}
