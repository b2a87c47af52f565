package io.tokengovernor.cli.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.core.simulation.Policy;
import io.tokengovernor.core.simulation.SettingSearch;
import io.tokengovernor.core.simulation.SimulationReport;

/** The stable JSON documents of {@code simulate} and {@code optimize}: fields in a fixed order, for scripts. */
final class SimulationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationJson() {
    }

    static String simulation(Policy policy, SimulationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("policy", policy(policy));
        summary(root, report);
        ArrayNode timeline = root.putArray("timeline");
        for (SimulationReport.Day day : report.timeline()) {
            timeline.addObject().put("date", day.date().toString()).put("tokens", day.tokens())
                    .put("checkpoints", day.checkpoints()).put("pauses", day.pauses()).put("resumes", day.resumes())
                    .put("overshootPreventedTokens", day.overshootPreventedTokens());
        }
        return write(root);
    }

    static String search(Policy policy, SettingSearch.Result result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("policy", policy(policy));
        root.put("zeroOvershootReached", result.reachesZeroOvershoot());
        root.set("best", trial(result.best()));
        ArrayNode trials = root.putArray("trials");
        result.trials().forEach(trial -> trials.add(trial(trial)));
        return write(root);
    }

    private static ObjectNode trial(SettingSearch.Trial trial) {
        SimulationReport report = trial.report();
        return MAPPER.createObjectNode().put("threshold", trial.threshold()).put("safetyFactor", trial.safetyFactor())
                .put("checkpoints", report.checkpoints()).put("pauses", report.pauses())
                .put("resumes", report.resumes()).put("overshootTokens", report.overshootTokens())
                .put("overshootPreventedTokens", report.overshootPreventedTokens());
    }

    private static void summary(ObjectNode root, SimulationReport report) {
        root.put("calls", report.calls()).put("tokens", report.tokens()).put("tasks", report.tasks())
                .put("checkpoints", report.checkpoints()).put("pauses", report.pauses())
                .put("resumes", report.resumes()).put("overshootPreventedTokens", report.overshootPreventedTokens())
                .put("overshootTokens", report.overshootTokens());
        if (report.worstTask() == null) {
            root.putNull("worstOvershoot");
        } else {
            root.putObject("worstOvershoot").put("task", report.worstTask()).put("tokens", report.worstTaskTokens());
        }
    }

    private static ObjectNode policy(Policy policy) {
        ObjectNode node = MAPPER.createObjectNode().put("taskBudget", policy.taskBudget())
                .put("projectBudget", policy.projectBudget()).put("window", policy.window().name())
                .put("timezone", policy.zone().getId()).put("threshold", policy.thresholds().defaultThreshold())
                .put("thresholdMin", policy.thresholds().min()).put("thresholdMax", policy.thresholds().max())
                .put("checkpointGraceSeconds", policy.checkpointGraceSeconds());
        node.putObject("scheduler").put("resumesPerMinute", policy.rules().resumesPerMinute())
                .put("safetyFactor", policy.rules().safetyFactor())
                .put("passIntervalSeconds", policy.rules().passIntervalSeconds());
        return node;
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serialises", e);
        }
    }
}
