package io.tokengovernor.core.claudelog;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a log file's place under {@code projects/} says: the project folder, and the session it
 * belongs to ({@code <project>/<session>.jsonl}, or the session folder that holds
 * {@code subagents/agent-*.jsonl}).
 */
public record LogPath(String project, String sessionId, String projectPath) {

    private static final String UNKNOWN_PROJECT = "Unknown Project";

    public static LogPath of(Path file) {
        List<String> parts = new ArrayList<>();
        file.forEach(part -> parts.add(part.toString()));
        int projects = parts.indexOf("projects");
        String project = projects >= 0 && projects + 1 < parts.size()
                ? blankAsUnknown(parts.get(projects + 1)) : "unknown";
        List<String> relative = projects >= 0 ? parts.subList(projects + 1, parts.size()) : parts;
        return new LogPath(project, sessionOf(relative), projectPathOf(relative));
    }

    private static String sessionOf(List<String> relative) {
        int n = relative.size();
        String fileSession = n > 0 && relative.get(n - 1).endsWith(".jsonl")
                ? relative.get(n - 1).substring(0, relative.get(n - 1).length() - ".jsonl".length()) : "";
        if (n == 2 && !fileSession.isEmpty()) {
            return fileSession;
        }
        if (isSubagentFile(relative)) {
            return relative.get(n - 3);
        }
        return n >= 2 ? relative.get(n - 2) : n == 1 ? relative.get(0) : "unknown";
    }

    private static String projectPathOf(List<String> relative) {
        int n = relative.size();
        String fileName = n > 0 ? relative.get(n - 1) : "";
        if (n == 2 && fileName.endsWith(".jsonl") && fileName.length() > ".jsonl".length()) {
            return relative.get(0);
        }
        if (isSubagentFile(relative)) {
            String path = String.join(File.separator, relative.subList(0, n - 3));
            return path.isEmpty() ? UNKNOWN_PROJECT : path;
        }
        return n > 2 ? String.join(File.separator, relative.subList(0, n - 2)) : UNKNOWN_PROJECT;
    }

    private static boolean isSubagentFile(List<String> relative) {
        int n = relative.size();
        return n >= 4 && relative.get(n - 2).equals("subagents");
    }

    private static String blankAsUnknown(String part) {
        return part.isBlank() ? "unknown" : part;
    }
}
