package io.tokengovernor.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokengovernor.core.gateway.AnthropicMeter;
import io.tokengovernor.core.gateway.OpenAiMeter;
import io.tokengovernor.core.gateway.SseEvents;
import io.tokengovernor.core.gateway.StreamMeter;
import io.tokengovernor.gateway.boundary.Admission;
import io.tokengovernor.gateway.boundary.GatewayDesk;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One call on its way through: sent upstream asynchronously (no thread waits for it), its status and headers passed
 * back as soon as they come, its body passed on chunk by chunk while a meter reads the usage from a copy, and then
 * settled exactly once: with the answer's usage; with what was reported and streamed when the client left or the
 * stream broke; or released when the upstream answered an error or never answered, which is also logged and sent to
 * the project's webhook. No retries: a retried call could be spent twice.
 */
final class ForwardedCall implements AsyncListener {

    private static final Logger LOG = Logger.getLogger(ForwardedCall.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most of a non-streamed answer kept to read its usage (and of an error, to log it). */
    private static final int MAX_KEPT = 64 * 1024 * 1024;

    private final ModelApi api;
    private final GatewayDesk desk;
    private final Upstream upstream;
    private final AsyncContext async;
    private final HttpServletResponse response;
    private final Admission admission;
    private final StreamMeter meter;
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile HttpResponse.ResponseInfo answer;
    private volatile PassThrough passThrough;
    private volatile ByteArrayOutputStream kept;

    ForwardedCall(ModelApi api, GatewayDesk desk, Upstream upstream, AsyncContext async, HttpServletResponse response,
            Admission admission, StreamMeter meter, boolean stream) {
        this.api = api;
        this.desk = desk;
        this.upstream = upstream;
        this.async = async;
        this.response = response;
        this.admission = admission;
        this.meter = meter;
    }

    void start(HttpRequest request) {
        async.setTimeout(upstream.timeout().toMillis() + 60_000);
        async.addListener(this);
        upstream.client().sendAsync(request, this::answer)
                .whenCompleteAsync((done, failure) -> finish(failure), upstream.executor());
    }

    /** The upstream's status and headers: passed back at once, then the body as it comes. */
    private HttpResponse.BodySubscriber<Void> answer(HttpResponse.ResponseInfo info) {
        answer = info;
        response.setStatus(info.statusCode());
        Headers.copyBack(info.headers(), response);
        boolean ok = info.statusCode() / 100 == 2;
        boolean events = info.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
        PassThrough.Tap tap;
        if (ok && events && meter != null) {
            SseEvents parser = new SseEvents(meter);
            tap = parser::feed;
        } else {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            kept = copy;
            tap = bytes -> {
                if (copy.size() < MAX_KEPT) {
                    copy.write(bytes, 0, Math.min(bytes.length, MAX_KEPT - copy.size()));
                }
            };
        }
        try {
            response.flushBuffer();
            passThrough = new PassThrough(response.getOutputStream(), tap);
        } catch (IOException clientGone) {
            passThrough = new PassThrough(OutputStreamGone.INSTANCE, tap);
            passThrough.cut();
        }
        return passThrough;
    }

    private void finish(Throwable failure) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        try {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (answer == null) {
                noAnswer(cause);
            } else if (answer.statusCode() / 100 != 2) {
                upstreamError();
            } else if (admission != null) {
                settle(cause);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "settling a gateway call of task " + (admission == null ? "-" : admission.taskId())
                    + " failed", e);
        } finally {
            async.complete();
        }
    }

    /** No status came: a refused connection or a timeout, answered as the API would (502 / 504). */
    private void noAnswer(Throwable cause) {
        boolean timeout = cause instanceof HttpTimeoutException;
        int status = timeout ? 504 : 502;
        String detail = timeout ? "no answer within " + upstream.timeout().toSeconds() + " s"
                : "could not reach the upstream: " + cause;
        if (admission != null) {
            desk.upstreamFailed(admission, api.provider, 0, detail);
        }
        if (!response.isCommitted()) {
            try {
                byte[] body = api.error(status, "TokenGovernor's gateway: the " + api.provider + " API gave no answer ("
                        + detail + ")");
                response.setStatus(status);
                response.setContentType("application/json");
                response.getOutputStream().write(body);
            } catch (IOException clientGone) {
                LOG.fine(() -> "client gone before the upstream failure could be told");
            }
        }
    }

    /** The upstream refused or failed: its answer went back as it was; nothing was spent. */
    private void upstreamError() {
        int status = answer.statusCode();
        if (admission == null) {
            return;
        }
        if (status >= 500 || status == 429) {
            String body = kept == null ? "" : kept.toString(StandardCharsets.UTF_8);
            desk.upstreamFailed(admission, api.provider, status, body.length() > 500 ? body.substring(0, 500) : body);
        } else {
            desk.release(admission);
        }
    }

    private void settle(Throwable failure) {
        if (kept != null && failure == null && !passThrough.wasCut()) {
            readWholeAnswer();
        }
        if (!meter.reported() || meter.messageId() == null) {
            desk.release(admission);
            return;
        }
        String text = meter instanceof AnthropicMeter anthropic ? anthropic.text() : null;
        desk.settle(admission, api.eventIdOf(meter, answer.headers()), meter.model(), meter.usage(), text);
        if (failure != null) {
            desk.upstreamFailed(admission, api.provider, answer.statusCode(), "the answer broke off: " + failure);
        }
    }

    private void readWholeAnswer() {
        try {
            JsonNode whole = JSON.readTree(kept.toByteArray());
            if (meter instanceof AnthropicMeter anthropic) {
                anthropic.acceptMessage(whole);
            } else if (meter instanceof OpenAiMeter openAi) {
                openAi.acceptCompletion(whole);
            }
        } catch (IOException notJson) {
            LOG.warning(() -> "the " + api.provider + " answer for task " + admission.taskId() + " is not JSON");
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onError(AsyncEvent event) {
        abandon();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // settled already
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private void abandon() {
        PassThrough current = passThrough;
        if (current != null) {
            current.cut();
        }
    }

    /** Where the bytes go once the client is gone before the first one. */
    private static final class OutputStreamGone extends java.io.OutputStream {
        static final OutputStreamGone INSTANCE = new OutputStreamGone();

        @Override
        public void write(int b) throws IOException {
            throw new IOException("the client is gone");
        }
    }
}
