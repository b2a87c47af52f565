package io.tokengovernor.gateway.web;

import io.tokengovernor.core.gateway.ModelRequest;
import jakarta.servlet.annotation.WebServlet;

/**
 * OpenAI's Chat Completions behind the gateway: a client's base URL {@code http://host:9080/gateway/openai/v1}.
 * Streams are asked for their usage ({@code stream_options.include_usage}), so the last chunk carries the exact
 * counts; a client that did not ask for it sees that chunk too (its {@code choices} are empty, as OpenAI sends it).
 */
@WebServlet(urlPatterns = "/openai/*", asyncSupported = true)
public class OpenAiGateway extends ModelGateway {

    private static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    @Override
    ModelApi api() {
        return ModelApi.OPENAI;
    }

    @Override
    String upstreamPath(String pathInfo) {
        return CHAT_COMPLETIONS.equals(pathInfo) ? pathInfo : null;
    }

    @Override
    boolean metered(String upstreamPath) {
        return true;
    }

    @Override
    ModelRequest prepared(ModelRequest request) {
        return request.stream() ? request.withUsageInStream() : request;
    }
}
