package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tokengovernor.system.GovernorApi.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the hostile bodies are aimed at: a project with a package, two running tasks, a settled reservation, a
 * checkpoint with its payload; and one valid body per endpoint, each sent once here so that the server has shown it accepts it. A
 * hostile body is then a valid body broken on purpose, refused for that reason alone.
 */
final class HostileBodyFixture {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String JSON_LINES = "application/x-ndjson";

    final String projectId = GovernorApi.newId();
    final String taskId = GovernorApi.newId();
    final String otherTaskId = GovernorApi.newId();
    final String agentId = GovernorApi.newId();
    final String packageId = GovernorApi.newId();
    private String checkpointId;
    private final Map<String, String> validBodies = new LinkedHashMap<>();

    /** Registers the entities by sending each valid body once; fails unless the server accepts every one. */
    void register() {
        String now = GovernorApi.get("/api/clock").json().get("now").asText();
        accept("POST /projects/register", """
                {"id":"%s","name":"hostile-bodies","owner":"octocat","tier":1,"tokenBudget":1000000,\
                "budgetWindow":"NONE","softLimit":900000}""".formatted(projectId));
        accept("POST /packages/register", """
                {"id":"%s","projectId":"%s","estimatedTokens":8000,"priority":1,\
                "notBefore":"2026-01-01T00:00:00Z","deadline":"2030-01-01T00:00:00Z"}""".formatted(packageId,
                projectId));
        accept("POST /tasks/register", """
                {"id":"%s","projectId":"%s","agentId":"%s","agentType":"coder","packageId":"%s",\
                "complexity":"COMPLEX","estimatedTokens":4000,"tokenBudget":50000,"description":"hostile bodies",\
                "tier":1}""".formatted(taskId, projectId, agentId, packageId));
        expect(2, call("POST", "/tasks/register", """
                {"id":"%s","projectId":"%s","agentId":"%s","estimatedTokens":3000}""".formatted(otherTaskId,
                projectId, agentId)));
        accept("PATCH /projects/{id}", """
                {"name":"hostile-bodies","owner":"octocat","tier":1,"tokenBudget":1000000,"budgetWindow":"NONE",\
                "softLimit":900000,"threshold":0.9,"thresholdMin":0.5,"thresholdMax":0.95}""");
        accept("PATCH /tasks/{id}", "{\"tokenBudget\":50000}");
        accept("POST /tasks/{id}/transitions", "{\"to\":\"RUNNING\",\"reason\":\"hostile bodies\"}");
        expect(2, call("POST", "/tasks/" + otherTaskId + "/transitions", "{\"to\":\"RUNNING\",\"reason\":\"x\"}"));
        String reservationId = accept("POST /tasks/{id}/reservations", "{\"tokens\":100,\"ttlSeconds\":3600}")
                .json().get("reservationId").asText();
        accept("POST /usage", usageEvent(now, reservationId));
        accept("POST /usage/batch", "{\"events\":[" + usageEvent(now, null) + "," + usageEvent(now, null) + "]}");
        checkpointId = accept("POST /tasks/{id}/checkpoints", """
                {"uri":"s3://checkpoints/hostile/step-1.jsonl","sizeBytes":2048,"summary":"state and next steps"}""")
                .json().get("id").asText();
        accept("PUT /tasks/{id}/checkpoints/{checkpointId}/payload", JSON_LINES, """
                {"step":7,"state":{"files":["a.java","b.java"],"done":false},"next":"write the tests"}
                {"step":8,"note":"checkpoint saved"}
                """);
        // a Claude Code hook for the fixture's task as its session (the hook's project is the task's)
        accept("POST /hooks/claude-code", """
                {"session_id":"%s","hook_event_name":"PreToolUse"}""".formatted(taskId));
        accept("POST /tasks/pause", "{\"taskId\":\"%s\",\"reason\":\"hostile bodies\"}".formatted(otherTaskId));
        accept("POST /scheduler/resume", "{\"taskId\":\"%s\",\"all\":false,\"force\":false}".formatted(otherTaskId));
        accept("POST /projects/{id}/plans", PlansIT.validPlan().toString());
        accept("PUT /projects/{id}/gateway-key", "{\"provider\":\"anthropic\",\"key\":\"sk-ant-hostile-bodies\"}");
        // merged: the server's timer never asks GitHub about it
        accept("POST /projects/{id}/pulls", """
                {"repository":"octocat/hostile","number":1,"url":"https://github.com/octocat/hostile/pull/1",\
                "branch":"token-gov/hostile","baseBranch":"main","title":"hostile bodies","state":"MERGED",\
                "taskIds":["%s"]}""".formatted(taskId));
        JsonNode rules = GovernorApi.get("/api/scheduler/rules").json();
        accept("PUT /scheduler/rules", rules.toString());
        validBodies.put("POST /clock", "{\"advanceSeconds\":0,\"freeze\":false}");
        Answer clock = call("POST", "/clock", validBodies.get("POST /clock"));
        if (clock.status() != 409) {
            expect(2, clock);
        }
    }

    /** The valid body of the endpoint named {@code POST /tasks/{id}/reservations}, or null if there is none. */
    String validBody(String endpoint) {
        return validBodies.get(endpoint);
    }

    /** The path with the fixture's ids in place of its parameters. */
    String concrete(String path) {
        String id = path.startsWith("/projects/") ? projectId : taskId;
        String concrete = path.replace("{id}", id).replace("{checkpointId}", String.valueOf(checkpointId));
        if (concrete.contains("{")) {
            throw new AssertionError("the hostile-body fixture has no id for " + path + "; add one");
        }
        return concrete;
    }

    /**
     * What the hostile bodies could have changed, read back: the fixture's entities, the rules, the clock's offset
     * and how many projects, tasks and agents exist. The error log is left out: refusals are recorded there.
     */
    Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> state = new TreeMap<>();
        for (String path : new String[] {"/projects/" + projectId, "/packages/" + packageId, "/tasks/" + taskId,
            "/tasks/" + otherTaskId, "/tasks/" + taskId + "/checkpoints", "/status/project/" + projectId,
            "/status/task/" + taskId, "/agents?projectId=" + projectId, "/tasks?size=500&projectId=" + projectId,
            "/scheduler/queue?projectId=" + projectId, "/scheduler/rules", "/projects/" + projectId + "/webhooks",
            "/projects/" + projectId + "/plans", "/projects/" + projectId + "/gateway-key",
            "/projects/" + projectId + "/pulls",
            "/clock", "/projects?size=1", "/tasks?size=1", "/agents?size=1",
            "/tasks/" + taskId + "/checkpoints/" + checkpointId + "/payload"}) {
            JsonNode answer = read(path);
            if (path.endsWith("?size=1")) {
                answer = answer.get("total");
            } else if (path.equals("/clock")) {
                // what a move could change; the time and the graces of other tests' tasks run on by themselves
                ((ObjectNode) answer).retain("adjustable", "frozen", "offsetSeconds");
            }
            state.put(path, answer);
        }
        return state;
    }

    private Answer accept(String endpoint, String body) {
        return accept(endpoint, "application/json", body);
    }

    private Answer accept(String endpoint, String mediaType, String body) {
        validBodies.put(endpoint, body);
        String[] methodAndPath = endpoint.split(" ", 2);
        return expect(2, call(methodAndPath[0], concrete(methodAndPath[1]), mediaType, body));
    }

    private String usageEvent(String timestamp, String reservationId) {
        return """
                {"eventId":"hostile-%s","taskId":"%s","agentId":"%s","timestamp":"%s","model":"claude-sonnet-4-5",\
                "inputTokens":40,"outputTokens":10,"cacheCreationTokens":5,"cacheReadTokens":5,"costUsd":0.0012,\
                "source":"sdk"%s}""".formatted(GovernorApi.newId(), taskId, agentId, timestamp,
                reservationId == null ? "" : ",\"reservationId\":\"" + reservationId + "\"");
    }

    private static Answer call(String method, String path, String body) {
        return call(method, path, "application/json", body);
    }

    private static Answer call(String method, String path, String mediaType, String body) {
        return GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api" + path))
                .header("Content-Type", mediaType)
                .header("Authorization", "Bearer " + GovernorApi.adminKey())
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode read(String path) {
        Answer answer = GovernorApi.send(HttpRequest.newBuilder(URI.create(GovernorApi.BASE + "/api" + path))
                .header("Authorization", "Bearer " + GovernorApi.adminKey()).GET(), READ_TIMEOUT);
        return path.endsWith("/payload") ? TextNode.valueOf(expect(2, answer).body()) : expect(2, answer).json();
    }

    private static Answer expect(int statusClass, Answer answer) {
        if (answer.status() / 100 != statusClass) {
            throw new AssertionError("the fixture expected a " + statusClass + "xx answer, got " + answer);
        }
        return answer;
    }
}
