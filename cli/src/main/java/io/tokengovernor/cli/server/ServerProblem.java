package io.tokengovernor.cli.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;

/** The server answered with an error status, normally as RFC 9457 application/problem+json. */
public final class ServerProblem extends ServerCallFailed {

    /** One entry of the problem's "errors" array: which input field is wrong and why. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final List<FieldError> fieldErrors;
    private final String problemJson;

    private ServerProblem(int status, String detail, List<FieldError> fieldErrors, String problemJson) {
        super(detail);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.problemJson = problemJson;
    }

    public static ServerProblem of(int status, String body, String request, ObjectMapper mapper) {
        JsonNode problem = parseObject(body, mapper);
        if (problem == null) {
            // Not problem+json (a proxy page, an empty 404): describe it ourselves and keep --json output JSON.
            String detail = "HTTP " + status + " from " + request;
            return new ServerProblem(status, detail, List.of(), synthesized(status, detail, mapper));
        }
        String detail = firstText(problem, "detail", "title");
        return new ServerProblem(status,
                detail == null ? "HTTP " + status + " from " + request : detail,
                fieldErrors(problem.path("errors")),
                body.strip());
    }

    private static JsonNode parseObject(String body, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<FieldError> fieldErrors(JsonNode errors) {
        List<FieldError> found = new ArrayList<>();
        for (JsonNode error : errors) {
            // "pointer" is RFC 9457's own example name; accept it so a server change does not hide the field
            String field = firstText(error, "field", "pointer");
            String message = firstText(error, "message", "detail");
            found.add(new FieldError(field == null ? JsonText.ABSENT : field,
                    message == null ? JsonText.ABSENT : message));
        }
        return found;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String synthesized(int status, String detail, ObjectMapper mapper) {
        ObjectNode problem = mapper.createObjectNode()
                .put("type", "about:blank")
                .put("status", status)
                .put("detail", detail);
        return problem.toString();
    }

    public int status() {
        return status;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The problem document as the server sent it, for --json. */
    public String problemJson() {
        return problemJson;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.forHttpStatus(status);
    }
}
