package io.tokengovernor.cli.inspector;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.server.ServerUnreachable;
import io.tokengovernor.core.notify.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends the error list to a webhook, signed like the server's own webhooks when a secret is given. */
final class ErrorNotice {

    private final URI url;
    private final String secret;

    ErrorNotice(URI url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    void send(String errorsJson) {
        String body = "{\"event\":\"errors\",\"errors\":" + errorsJson + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-TokenGovernor-Event", "errors")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body));
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new NoticeUndelivered("the webhook " + url + " refused the error list with HTTP "
                        + response.statusCode(), ExitCode.SERVER_ERROR);
            }
        } catch (IOException e) {
            throw new NoticeUndelivered("cannot reach the webhook " + url + " ("
                    + ServerUnreachable.reasonFor(e) + ")", ExitCode.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoticeUndelivered("interrupted while sending to " + url, ExitCode.UNREACHABLE);
        }
    }
}
