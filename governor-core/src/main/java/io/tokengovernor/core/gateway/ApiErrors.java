package io.tokengovernor.core.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's own refusals in the error format of the API the client speaks, so that its SDK reads them as it
 * reads the provider's: Anthropic's {@code {"type":"error","error":{"type":…,"message":…}}} and OpenAI's
 * {@code {"error":{"message":…,"type":…,"param":null,"code":…}}}.
 */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    /** Anthropic's error type for an HTTP status, as its API documents them. */
    public static String anthropicType(int status) {
        return switch (status) {
            case 400, 413 -> status == 413 ? "request_too_large" : "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    public static byte[] anthropic(int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", anthropicType(status)).put("message", message);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** OpenAI's {@code type} and {@code code} for an HTTP status. */
    public static byte[] openAi(int status, String message) {
        String type = switch (status) {
            case 400, 404, 413 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "insufficient_quota";
            default -> "server_error";
        };
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        error.put("code", status == 429 ? "insufficient_quota" : type);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
