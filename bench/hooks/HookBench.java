import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Claude Code hook costs against a running TokenGovernor server (issue 9):
 *  - decision hooks (http): PreToolUse and UserPromptSubmit round trips, sequential, idle server: p50 / p99 / max;
 *  - the relay (command hook): one `token-gov hooks relay` per PostToolUse on a growing transcript: wall per call;
 *  - context: the characters the governor adds to a session (session-start line, one checkpoint request).
 *
 * java bench/hooks/HookBench.java URL ADMIN_KEY LAUNCHER [DECISIONS] [RELAYS]
 */
public class HookBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String adminKey = args[1];
        Path launcher = Path.of(args[2]).toAbsolutePath();
        int decisions = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int relays = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        String project = UUID.randomUUID().toString();
        String registered = post(url + "/api/projects/register", adminKey, """
                {"id":"%s","name":"hook-bench","owner":"bench","tier":1,"tokenBudget":100000000}""".formatted(project));
        String key = registered.replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
        String session = UUID.randomUUID().toString();
        String endpoint = url + "/api/hooks/claude-code?projectId=" + project;
        String start = post(endpoint, key, hook(session, "SessionStart", ""));
        String context = start.replaceAll(".*\"additionalContext\":\"([^\"]*)\".*", "$1");

        report("PreToolUse", latencies(endpoint, key, session, "PreToolUse",
                ",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}", decisions));
        report("UserPromptSubmit", latencies(endpoint, key, session, "UserPromptSubmit", ",\"prompt\":\"go on\"",
                decisions / 5));
        relay(launcher, url, project, key, relays);
        System.out.printf("context: session-start line %d chars: \"%s\"%n", context.length(), context);
    }

    static long[] latencies(String endpoint, String key, String session, String event, String extra, int count)
            throws Exception {
        String body = hook(session, event, extra);
        for (int i = 0; i < Math.max(200, count / 10); i++) {
            post(endpoint, key, body);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            post(endpoint, key, body);
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    /** A transcript growing by one model call between relays, as PostToolUse sees it. */
    static void relay(Path launcher, String url, String project, String key, int count) throws Exception {
        Path home = Files.createTempDirectory("hook-bench");
        String session = UUID.randomUUID().toString();
        Path transcript = Files.createDirectories(home.resolve("projects/bench")).resolve(session + ".jsonl");
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            Files.writeString(transcript, line(session, i), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            String input = hook(session, "PostToolUse", ",\"transcript_path\":\"" + transcript + "\",\"tool_name\":\"Bash\"");
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "hooks", "relay", "--server", url,
                    "--project", project).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("TOKEN_GOV_API_KEY", key);
            builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
            long t0 = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("relay failed");
            }
            nanos[i] = System.nanoTime() - t0;
        }
        report("relay (PostToolUse, JVM start included)", nanos);
        String task = get(url + "/api/tasks/" + session);
        System.out.println("relay metered: " + task.replaceAll(".*\"usedTokens\":(\\d+).*", "$1") + " tokens, expected "
                + (long) count * (1000 + 100 + 2000));
    }

    /** One model call; ids carry the session because the ledger's event ids are global, as Claude's are. */
    static String line(String session, int i) {
        return ("{\"type\":\"assistant\",\"timestamp\":\"%s\",\"sessionId\":\"%s\",\"version\":\"2.1.332\",\"cwd\":\"/b\","
                + "\"requestId\":\"req_%2$s_%3$d\",\"message\":{\"id\":\"msg_%2$s_%3$d\",\"model\":\"claude-sonnet-4-5\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"step\"}],\"usage\":{\"input_tokens\":1000,\"output_tokens\":100,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":2000}}}\n")
                .formatted(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), session, i, i);
    }

    static String hook(String session, String event, String extra) {
        return "{\"session_id\":\"" + session + "\",\"transcript_path\":\"/nonexistent/" + session
                + ".jsonl\",\"cwd\":\"/bench\",\"hook_event_name\":\"" + event + "\"" + extra + "}";
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    static String post(String url, String key, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
