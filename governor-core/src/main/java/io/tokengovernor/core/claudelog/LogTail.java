package io.tokengovernor.core.claudelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows log folders: each {@link #poll()} returns only the usage lines appended since the last
 * one (new files included), reading each file from where it stopped. A file that shrank was
 * rewritten and is read again from its start.
 */
public final class LogTail {

    private final LogFolders folders;
    private final LogFileReader reader;
    private final Map<Path, Long> offsets = new HashMap<>();

    public LogTail(LogFolders folders, LogLineParser parser) {
        this.folders = folders;
        this.reader = new LogFileReader(parser);
    }

    /** New lines in file order, then line order. */
    public List<LogFile> poll() {
        List<LogFile> appended = new ArrayList<>();
        for (Path file : folders.logFiles()) {
            long offset = offsets.getOrDefault(file, 0L);
            long size = sizeOf(file);
            if (size < offset) {
                offset = 0;
            }
            if (size == offset) {
                continue;
            }
            LogFile read = reader.read(file, offset, true);
            offsets.put(file, read.end());
            if (!read.lines().isEmpty()) {
                appended.add(read);
            }
        }
        return appended;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
