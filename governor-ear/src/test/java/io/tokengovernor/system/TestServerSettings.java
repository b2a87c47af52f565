package io.tokengovernor.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings some system tests need that the default server does not have (a checkpoint key, a short
 * report interval, a clock that tests can move forward). They reach the server as an operator's would, through its {@code server.env};
 * the server restarts once, for whichever test asks first.
 */
final class TestServerSettings {

    static final Path SERVER_DIR = Path.of(System.getProperty("governor.wlp", "target/liberty/wlp"),
            "usr/servers", System.getProperty("governor.server", "governor"));
    static final String CHECKPOINT_KEY = "TOKEN_GOV_CHECKPOINT_KEY";
    static final String REPORT_INTERVAL = "GOVERNOR_REPORT_INTERVAL_SECONDS";
    static final String ADJUSTABLE_CLOCK = "GOVERNOR_CLOCK_ADJUSTABLE";
    static final String GITHUB_URL = "GOVERNOR_GITHUB_URL";
    static final String GITHUB_TOKEN = "GOVERNOR_GITHUB_TOKEN";
    static final String PULLS_REFRESH = "GOVERNOR_PULLS_REFRESH_SECONDS";
    /** The token the server sends to the mocked GitHub; it must never appear in an answer or a log. */
    static final String GITHUB_TOKEN_VALUE = "ghp_systemTestTokenNeverShown0000000000";

    private TestServerSettings() {
    }

    static synchronized void ensureApplied() throws IOException, InterruptedException {
        apply(Map.of());
    }

    /**
     * The same settings, and the server asking the GitHub at {@code url} (a WireMock of the test) with a token, its
     * timer refreshing open pull requests every 2 s; the server restarts when the URL is new.
     */
    static synchronized void ensureGitHub(String url) throws IOException, InterruptedException {
        apply(Map.of(GITHUB_URL, url, GITHUB_TOKEN, GITHUB_TOKEN_VALUE, PULLS_REFRESH, "2"));
    }

    private static void apply(Map<String, String> extra) throws IOException, InterruptedException {
        Path env = SERVER_DIR.resolve("server.env");
        Map<String, String> lines = new LinkedHashMap<>();
        if (Files.exists(env)) {
            for (String line : Files.readAllLines(env)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    lines.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        boolean complete = lines.containsKey(CHECKPOINT_KEY) && "3".equals(lines.get(REPORT_INTERVAL))
                && "true".equals(lines.get(ADJUSTABLE_CLOCK))
                && extra.entrySet().stream().allMatch(setting -> setting.getValue().equals(lines.get(setting.getKey())));
        if (complete) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        lines.putIfAbsent(CHECKPOINT_KEY, Base64.getEncoder().encodeToString(key));
        lines.put(REPORT_INTERVAL, "3");
        lines.put(ADJUSTABLE_CLOCK, "true");
        lines.putAll(extra);
        StringBuilder text = new StringBuilder();
        lines.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        Files.writeString(env, text);
        ServerProcess.restart();
    }
}
