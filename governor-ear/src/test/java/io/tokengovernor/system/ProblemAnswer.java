package io.tokengovernor.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Whether an answer is a refusal in the API's own words: a 4xx RFC 9457 problem whose status is the answer's. */
final class ProblemAnswer {

    private ProblemAnswer() {
    }

    /** What is wrong with the answer, or null when it is a proper 4xx problem. */
    static String check(int status, String contentType, String body) {
        String shown = status + " " + contentType + " " + body.substring(0, Math.min(300, body.length()));
        if (status < 400 || status > 499) {
            return "not refused: " + shown;
        }
        if (!contentType.startsWith("application/problem+json")) {
            return "not a problem+json answer: " + shown;
        }
        try {
            JsonNode problem = GovernorApi.JSON.readTree(body);
            if (problem.path("status").asInt() != status || !problem.path("type").asText()
                    .startsWith("https://tokengovernor.io/problems/") || problem.path("detail").asText().isBlank()) {
                return "not a complete problem: " + shown;
            }
        } catch (IOException e) {
            return "a problem that is not JSON: " + shown;
        }
        return null;
    }
}
