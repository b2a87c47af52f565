package io.tokengovernor.core.simulation;

import static io.tokengovernor.core.json.JsonTokens.notJson;
import static io.tokengovernor.core.json.JsonTokens.shown;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tokengovernor.core.budget.BudgetWindow;
import io.tokengovernor.core.inspector.ThresholdSettings;
import io.tokengovernor.core.scheduler.InvalidSchedulerRules;
import io.tokengovernor.core.scheduler.SchedulerRules;
import io.tokengovernor.core.scheduler.SchedulerRulesFile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a replay policy from JSON, reporting every problem at once; absent keys keep their default:
 * <pre>{@code
 * {"taskBudget": 200000, "projectBudget": 2000000, "window": "DAILY", "timezone": "Europe/Paris",
 *  "threshold": 0.9, "thresholdMin": 0.5, "thresholdMax": 0.95, "checkpointGraceSeconds": 60,
 *  "scheduler": {"resumesPerMinute": 10, "safetyFactor": 1.2}}
 * }</pre>
 * The {@code scheduler} object is a scheduler rules file and is validated as one.
 */
public final class PolicyFile {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> KEYS = List.of("taskBudget", "projectBudget", "window", "timezone", "threshold",
            "thresholdMin", "thresholdMax", "checkpointGraceSeconds", "scheduler");

    private PolicyFile() {
    }

    /** @throws InvalidPolicy with every problem found */
    public static Policy read(String json) {
        Policy defaults = Policy.of(0, 1);
        long taskBudget = 0;
        long projectBudget = 0;
        BudgetWindow window = defaults.window();
        ZoneId zone = defaults.zone();
        double threshold = defaults.thresholds().defaultThreshold();
        double min = defaults.thresholds().min();
        double max = defaults.thresholds().max();
        long grace = defaults.checkpointGraceSeconds();
        SchedulerRules rules = defaults.rules();
        List<String> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidPolicy("a policy must be a JSON object such as {\"taskBudget\": 200000}");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                switch (key) {
                    case "taskBudget" -> taskBudget = count(key, parser, problems, taskBudget);
                    case "projectBudget" -> projectBudget = count(key, parser, problems, projectBudget);
                    case "checkpointGraceSeconds" -> grace = count(key, parser, problems, grace);
                    case "threshold" -> threshold = share(key, parser, problems, threshold);
                    case "thresholdMin" -> min = share(key, parser, problems, min);
                    case "thresholdMax" -> max = share(key, parser, problems, max);
                    case "window" -> window = window(text(key, parser, problems), problems, window);
                    case "timezone" -> zone = zone(text(key, parser, problems), problems, zone);
                    case "scheduler" -> rules = rules(parser, problems, rules);
                    default -> {
                        problems.add(key + ": unknown key; known keys are " + String.join(", ", KEYS));
                        parser.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidPolicy(notJson(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ThresholdSettings thresholds = null;
        try {
            thresholds = new ThresholdSettings(threshold, min, max);
        } catch (IllegalArgumentException e) {
            problems.add("threshold: " + e.getMessage());
        }
        if (taskBudget == 0 && projectBudget == 0) {
            problems.add("taskBudget, projectBudget: give at least one budget above 0");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicy(problems);
        }
        return new Policy(taskBudget, projectBudget, window, zone, thresholds, grace, rules);
    }

    public static BudgetWindow window(String name) {
        try {
            return BudgetWindow.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicy("window: must be one of " + Arrays.toString(BudgetWindow.values())
                    + ", got \"" + name + "\"");
        }
    }

    public static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new InvalidPolicy("timezone: not a time zone: \"" + name
                    + "\" (use an IANA name such as Europe/Paris)");
        }
    }

    private static BudgetWindow window(String name, List<String> problems, BudgetWindow fallback) {
        try {
            return name == null ? fallback : window(name);
        } catch (InvalidPolicy e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    private static ZoneId zone(String name, List<String> problems, ZoneId fallback) {
        try {
            return name == null ? fallback : zone(name);
        } catch (InvalidPolicy e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    private static SchedulerRules rules(JsonParser parser, List<String> problems, SchedulerRules fallback)
            throws IOException {
        StringWriter copy = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(copy)) {
            generator.copyCurrentStructure(parser);
        }
        try {
            return SchedulerRulesFile.read(copy.toString());
        } catch (InvalidSchedulerRules e) {
            e.problems().forEach(problem -> problems.add("scheduler." + problem));
            return fallback;
        }
    }

    private static long count(String key, JsonParser parser, List<String> problems, long fallback) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER && parser.getLongValue() >= 0) {
            return parser.getLongValue();
        }
        problems.add(key + ": must be a whole number of at least 0, got " + shown(parser));
        return fallback;
    }

    private static double share(String key, JsonParser parser, List<String> problems, double fallback)
            throws IOException {
        if (parser.currentToken().isNumeric()) {
            return parser.getDoubleValue();
        }
        problems.add(key + ": must be a number between 0 and 1, got " + shown(parser));
        return fallback;
    }

    private static String text(String key, JsonParser parser, List<String> problems) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        problems.add(key + ": must be a string, got " + shown(parser));
        return null;
    }
}
