package io.tokengovernor.core.claudelog;

import java.nio.file.Path;
import java.util.List;

/**
 * The accepted usage lines of one log file, in file order.
 *
 * @param skippedLines lines that mention usage but were not accepted (malformed or foreign)
 * @param readable     false when the file could not be read; it then contributes nothing
 * @param end          the byte offset after the last line read, where an incremental read resumes
 */
public record LogFile(Path path, List<LogLine> lines, int skippedLines, boolean readable, long end) {
}
