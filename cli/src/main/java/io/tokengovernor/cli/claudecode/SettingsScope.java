package io.tokengovernor.cli.claudecode;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which Claude Code settings file the hooks go into. */
public class SettingsScope {

    enum Scope {
        /** {@code .claude/settings.json}: shared with the team through the repository. */
        project,
        /** {@code .claude/settings.local.json}: this checkout only, not committed. */
        local,
        /** {@code ~/.claude/settings.json}: every project of this user. */
        user
    }

    @Option(names = "--scope", defaultValue = "project", paramLabel = "SCOPE",
            description = "project (.claude/settings.json, default), local (.claude/settings.local.json) or user "
                    + "(~/.claude/settings.json).")
    Scope scope;

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR",
            description = "The project folder (default: the current one).")
    Path dir;

    Path file(Map<String, String> environment) {
        return switch (scope) {
            case project -> dir.resolve(".claude").resolve("settings.json");
            case local -> dir.resolve(".claude").resolve("settings.local.json");
            case user -> {
                String config = environment.get("CLAUDE_CONFIG_DIR");
                String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
                Path folder = config != null && !config.isBlank() && !config.contains(",") ? Path.of(config)
                        : Path.of(home, ".claude");
                yield folder.resolve("settings.json");
            }
        };
    }
}
