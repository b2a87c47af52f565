package io.tokengovernor.gateway.web;

import jakarta.servlet.annotation.WebServlet;

/**
 * The Anthropic Messages API behind the gateway: {@code ANTHROPIC_BASE_URL=http://host:9080/gateway/anthropic}.
 * {@code POST /v1/messages} (streaming or not) is reserved, forwarded and metered; {@code /v1/messages/count_tokens}
 * is passed through.
 */
@WebServlet(urlPatterns = "/anthropic/*", asyncSupported = true)
public class AnthropicGateway extends ModelGateway {

    private static final String MESSAGES = "/v1/messages";
    private static final String COUNT_TOKENS = "/v1/messages/count_tokens";

    @Override
    ModelApi api() {
        return ModelApi.ANTHROPIC;
    }

    @Override
    String upstreamPath(String pathInfo) {
        return MESSAGES.equals(pathInfo) || COUNT_TOKENS.equals(pathInfo) ? pathInfo : null;
    }

    @Override
    boolean metered(String upstreamPath) {
        return MESSAGES.equals(upstreamPath);
    }
}
