package io.tokengovernor.gateway.web;

import io.tokengovernor.core.gateway.AnthropicMeter;
import io.tokengovernor.core.gateway.ApiErrors;
import io.tokengovernor.core.gateway.OpenAiMeter;
import io.tokengovernor.core.gateway.StreamMeter;
import java.net.http.HttpHeaders;

/** What differs between the two APIs the gateway speaks: error format, credentials, how usage and ids are read. */
enum ModelApi {

    ANTHROPIC("anthropic", "x-api-key", "request-id") {
        @Override
        byte[] error(int status, String message) {
            return ApiErrors.anthropic(status, message);
        }

        @Override
        StreamMeter meter(long inputEstimate) {
            return new AnthropicMeter();
        }

        @Override
        String upstreamKeyHeader(String key) {
            return key;
        }
    },

    OPENAI("openai", "authorization", "x-request-id") {
        @Override
        byte[] error(int status, String message) {
            return ApiErrors.openAi(status, message);
        }

        @Override
        StreamMeter meter(long inputEstimate) {
            return new OpenAiMeter(inputEstimate);
        }

        @Override
        String upstreamKeyHeader(String key) {
            return "Bearer " + key;
        }
    };

    final String provider;
    /** The header the provider takes its key in. */
    final String keyHeader;
    /** The header the provider names its request id in (Claude Code records it as the transcript's requestId). */
    final String requestIdHeader;

    ModelApi(String provider, String keyHeader, String requestIdHeader) {
        this.provider = provider;
        this.keyHeader = keyHeader;
        this.requestIdHeader = requestIdHeader;
    }

    abstract byte[] error(int status, String message);

    abstract StreamMeter meter(long inputEstimate);

    /** The value of {@link #keyHeader} for a key the governor holds. */
    abstract String upstreamKeyHeader(String key);

    /**
     * The ledger's event id of a call: {@code message.id:requestId}, as the hooks' relay and ccusage name the same
     * call from the transcript, so a session governed by both the hooks and the gateway is counted once.
     */
    String eventIdOf(StreamMeter meter, HttpHeaders upstream) {
        String requestId = upstream.firstValue(requestIdHeader).orElse(null);
        return requestId == null ? meter.messageId() : meter.messageId() + ":" + requestId;
    }
}
