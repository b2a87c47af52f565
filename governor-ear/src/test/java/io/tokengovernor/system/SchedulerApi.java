package io.tokengovernor.system;

import static io.tokengovernor.system.GovernorApi.get;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;

/** What the scheduler tests ask of the server: rules, task states, the queue and a task's resumes. */
final class SchedulerApi {

    /** The rules the server ships with; tests that change them put these back. */
    static final String DEFAULT_RULES = """
            {"resumesPerMinute":10,"safetyFactor":1.2,"agingHoursPerTier":2,"backfill":true,
             "maxProjectShare":0.5,"passIntervalSeconds":10}""";

    private SchedulerApi() {
    }

    static Answer putRules(String json) {
        return GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api/scheduler/rules"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String state(String taskId) {
        return get("/api/tasks/" + taskId).json().get("state").asText();
    }

    /** The task's entry in the scheduler's queue, or an empty object when it is not queued. */
    static JsonNode queued(String taskId) {
        for (JsonNode entry : get("/api/scheduler/queue").json()) {
            if (entry.get("taskId").asText().equals(taskId)) {
                return entry;
            }
        }
        return GovernorApi.JSON.createObjectNode();
    }

    /** How often the task went from QUEUED back to RUNNING. */
    static long resumeTransitions(String taskId) {
        long resumes = 0;
        for (JsonNode transition : get("/api/tasks/" + taskId).json().get("transitions")) {
            resumes += isResume(transition) ? 1 : 0;
        }
        return resumes;
    }

    /** When the task last went from QUEUED back to RUNNING, or null. */
    static String resumedAt(String taskId) {
        String at = null;
        for (JsonNode transition : get("/api/tasks/" + taskId).json().get("transitions")) {
            if (isResume(transition)) {
                at = transition.get("at").asText();
            }
        }
        return at;
    }

    private static boolean isResume(JsonNode transition) {
        return "QUEUED".equals(transition.path("from").asText()) && "RUNNING".equals(transition.get("to").asText());
    }
}
