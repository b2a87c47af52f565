package io.tokengovernor.notify.control;

import io.tokengovernor.core.notify.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * POSTs one signed webhook body. Retries are not done here but by the outbox, whose schedule
 * survives a restart; Fault Tolerance bounds each attempt.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @return null when the receiver answered 2xx, else what went wrong */
    @Timeout(10_000)
    public String send(String url, String secret, String messageId, String eventType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(8))
                .header("Content-Type", "application/json")
                .header("User-Agent", "TokenGovernor-Webhook")
                .header("X-TokenGovernor-Event", eventType)
                .header("X-TokenGovernor-Delivery", messageId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null && !secret.isEmpty()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "the receiver answered HTTP " + status;
        } catch (IOException e) {
            return "cannot reach " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
