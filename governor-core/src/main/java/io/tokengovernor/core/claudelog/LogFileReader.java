package io.tokengovernor.core.claudelog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one log file through a reused buffer, so a file of any size is never held in memory whole;
 * only a single line must fit (the buffer grows for that line alone). It jumps from one usage marker
 * to the next and looks for line ends only around them: the prompts and tool output in between,
 * most of a log, are never examined byte by byte.
 */
final class LogFileReader {

    private static final int CHUNK = 1 << 20;

    private final LogLineParser parser;
    private byte[] buffer = new byte[CHUNK];

    LogFileReader(LogLineParser parser) {
        this.parser = parser;
    }

    LogFile read(Path path) {
        return read(path, 0, false);
    }

    /**
     * Reads from byte {@code start}; the live view uses it to read only what was appended, and asks
     * for complete lines only, since Claude Code may be half-way through writing the last one.
     */
    LogFile read(Path path, long start, boolean completeLinesOnly) {
        List<LogLine> lines = new ArrayList<>();
        int[] skipped = {0};
        long consumed = start;
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(start);
            int filled = 0;
            boolean eof = false;
            while (!eof) {
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read = in.readNBytes(buffer, filled, buffer.length - filled);
                eof = read < buffer.length - filled;
                filled += read;
                boolean takeTail = eof && !completeLinesOnly;
                int done = scan(filled, takeTail, lines, skipped);
                consumed += done;
                System.arraycopy(buffer, done, buffer, 0, filled - done);
                filled -= done;
            }
            return new LogFile(path, lines, skipped[0], true, consumed);
        } catch (IOException e) {
            return new LogFile(path, List.of(), skipped[0], false, consumed);
        }
    }

    /**
     * Handles the complete lines of {@code buffer[0, filled)} (and the unterminated last one when
     * {@code takeTail}); returns how many bytes are done with.
     */
    private int scan(int filled, boolean takeTail, List<LogLine> lines, int[] skipped) {
        int pos = 0;
        while (true) {
            int hit = UsageMarker.indexOf(buffer, pos, filled);
            if (hit < 0) {
                if (takeTail) {
                    return filled;
                }
                int lastNewline = lastNewline(pos, filled);
                return lastNewline < 0 ? pos : lastNewline + 1;
            }
            int lineStart = lastNewline(pos, hit) + 1;
            if (lineStart == 0) {
                lineStart = pos;
            }
            int lineEnd = nextNewline(hit, filled);
            if (lineEnd < 0) {
                if (!takeTail) {
                    return lineStart; // wait for the rest of this line
                }
                lineEnd = filled;
            }
            LogLine line = parser.parseUsageLine(buffer, lineStart, lineEnd - lineStart);
            if (line == null) {
                skipped[0]++;
            } else {
                lines.add(line);
            }
            pos = Math.min(lineEnd + 1, filled);
            if (pos >= filled) {
                return filled;
            }
        }
    }

    private int lastNewline(int from, int to) {
        return ByteScan.lastIndexOf(buffer, from, to, (byte) '\n');
    }

    private int nextNewline(int from, int to) {
        return ByteScan.indexOf(buffer, from, to, (byte) '\n');
    }
}
