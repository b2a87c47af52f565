package io.tokengovernor.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the server's gateway forwards to in the system tests: a scripted upstream on loopback, on a port chosen
 * once and handed to the server as an operator would, through {@code server.env} ({@code GOVERNOR_GATEWAY_*_URL}); the
 * server restarts once, for whichever test asks first, and later tests bind their scripted upstream to that port.
 */
final class GatewayUpstreams {

    static final String ANTHROPIC = "GOVERNOR_GATEWAY_ANTHROPIC_URL";
    static final String OPENAI = "GOVERNOR_GATEWAY_OPENAI_URL";
    private static final String PREFIX = "http://127.0.0.1:";

    private GatewayUpstreams() {
    }

    /** The port the server's gateway forwards {@code variable}'s API to. */
    static synchronized int port(String variable) throws IOException, InterruptedException {
        TestServerSettings.ensureApplied();
        ServerProcess.awaitApplication(java.time.Duration.ofSeconds(180));
        Path env = TestServerSettings.SERVER_DIR.resolve("server.env");
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(env)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                lines.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        if (lines.containsKey(ANTHROPIC) && lines.containsKey(OPENAI)) {
            return Integer.parseInt(lines.get(variable).substring(PREFIX.length()));
        }
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            lines.put(ANTHROPIC, PREFIX + first.getLocalPort());
            lines.put(OPENAI, PREFIX + second.getLocalPort());
        }
        StringBuilder text = new StringBuilder();
        lines.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        Files.writeString(env, text);
        ServerProcess.restart();
        ServerProcess.awaitApplication(java.time.Duration.ofSeconds(180));
        return Integer.parseInt(lines.get(variable).substring(PREFIX.length()));
    }
}
