package io.tokengovernor.core.claudelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Claude Code keeps its logs: {@code CLAUDE_CONFIG_DIR} (comma-separated; each entry holds
 * {@code projects/} or is that folder), else {@code $XDG_CONFIG_HOME/claude} and {@code ~/.claude}.
 */
public final class LogFolders {

    public static final String CONFIG_DIR_ENV = "CLAUDE_CONFIG_DIR";
    private static final String PROJECTS = "projects";

    private final List<Path> roots;

    private LogFolders(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * @throws NoLogFolder when {@code CLAUDE_CONFIG_DIR} is set and names no usable folder; a user who
     *                     set it expects those logs, not silently the ones in the home folder
     */
    public static LogFolders from(Map<String, String> environment) {
        Set<Path> roots = new LinkedHashSet<>();
        String configured = environment.get(CONFIG_DIR_ENV);
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        if (configured != null) {
            for (String raw : configured.split(",")) {
                String entry = raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                Path path = expandHome(entry, home);
                if (path.getFileName() != null && path.getFileName().toString().equals(PROJECTS) && Files.isDirectory(path)) {
                    path = path.getParent() != null ? path.getParent() : path;
                }
                if (Files.isDirectory(path.resolve(PROJECTS))) {
                    roots.add(path);
                }
            }
            if (roots.isEmpty()) {
                throw new NoLogFolder(configured);
            }
            return new LogFolders(new ArrayList<>(roots));
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path xdgConfig = xdg != null ? Path.of(xdg) : Path.of(home, ".config");
        for (Path candidate : List.of(xdgConfig.resolve("claude"), Path.of(home, ".claude"))) {
            if (Files.isDirectory(candidate.resolve(PROJECTS))) {
                roots.add(candidate);
            }
        }
        return new LogFolders(new ArrayList<>(roots));
    }

    public static LogFolders of(Path... roots) {
        return new LogFolders(Arrays.asList(roots));
    }

    public List<Path> roots() {
        return roots;
    }

    /** Every {@code *.jsonl} under each root's {@code projects/}, in full-path byte order as ccusage reads them. */
    public List<Path> logFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            Path projects = root.resolve(PROJECTS);
            if (!Files.isDirectory(projects)) {
                continue;
            }
            try {
                Files.walkFileTree(projects, new JsonlCollector(files));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the collector continues past failures; this is not reached in practice
            }
        }
        files.sort(Comparator.comparing(path -> path.toString().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        return files;
    }

    private static Path expandHome(String entry, String home) {
        if (entry.equals("~")) {
            return Path.of(home);
        }
        if (entry.startsWith("~/")) {
            return Path.of(home, entry.substring(2));
        }
        return Path.of(entry);
    }
}
