package io.tokengovernor.gateway.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The model APIs the gateway forwards to, and the one JDK HTTP client it uses for them. The client's threads come
 * from the server's managed thread factory, so the answer's bytes are passed on and the call is settled on threads
 * that may use the application's services; a thread is busy only while bytes arrive, not while a stream waits.
 */
@ApplicationScoped
public class Upstream {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "governor.gateway.anthropic.url", defaultValue = "https://api.anthropic.com")
    String anthropicUrl;

    @Inject
    @ConfigProperty(name = "governor.gateway.openai.url", defaultValue = "https://api.openai.com")
    String openAiUrl;

    @Inject
    @ConfigProperty(name = "governor.gateway.connect-timeout-seconds", defaultValue = "10")
    long connectTimeoutSeconds;

    /** Longest wait for the upstream's answer to begin (its status and headers). */
    @Inject
    @ConfigProperty(name = "governor.gateway.timeout-seconds", defaultValue = "600")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "governor.gateway.max-body-bytes", defaultValue = "33554432")
    int maxBodyBytes;

    private ExecutorService executor;
    private HttpClient client;

    @PostConstruct
    void start() {
        executor = Executors.newCachedThreadPool(threads);
        client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    HttpClient client() {
        return client;
    }

    ExecutorService executor() {
        return executor;
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The upstream address of {@code path} (e.g. {@code /v1/messages}), with the client's query string. */
    URI uriOf(ModelApi api, String path, String query) {
        String base = api == ModelApi.ANTHROPIC ? anthropicUrl : openAiUrl;
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
    }
}
