package io.tokengovernor.cli.usage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference: ccusage 20.0.24's native binary, installed by the build
 * ({@code cli/src/test/ccusage/install-ccusage.sh}) and named by {@code -Dccusage.bin} or
 * {@code $CCUSAGE_BIN}. Missing, it fails the parity tests unless {@code -Dccusage.skip=true}.
 */
final class Ccusage {

    static final String VERSION = "20.0.24";

    private final Path binary;

    private Ccusage(Path binary) {
        this.binary = binary;
    }

    static Ccusage locate() {
        if (Boolean.getBoolean("ccusage.skip")) {
            Assumptions.abort("parity with ccusage skipped on request (-Dccusage.skip=true)");
        }
        String configured = System.getProperty("ccusage.bin", System.getenv("CCUSAGE_BIN"));
        if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
            fail("ccusage " + VERSION + " was not found (ccusage.bin=" + configured + "). The cli build installs it with npm"
                    + " into ~/.cache/token-governor/ccusage-" + VERSION + " (needs node and npm); or point -Dccusage.bin /"
                    + " $CCUSAGE_BIN at node_modules/@ccusage/ccusage-linux-x64/bin/ccusage; or skip with -Dccusage.skip=true.");
        }
        return new Ccusage(Path.of(configured));
    }

    /** Runs ccusage with {@code args} plus {@code --offline}; returns its stdout. */
    String run(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        command.add("--offline");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("ccusage " + args + " failed with exit code " + process.exitValue());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
