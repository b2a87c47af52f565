package io.tokengovernor.core.claudelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a live Claude Code transcript from a byte offset: only complete lines (Claude Code may be half-way
 * through the last one), with the line acceptance it is given (the reports'), so what is metered from a
 * transcript bit by bit equals what {@code usage session} reads from it whole.
 */
public final class TranscriptReader {

    private final LogFileReader reader;

    public TranscriptReader(LogLineParser parser) {
        this.reader = new LogFileReader(parser);
    }

    /** The usage lines after {@code offset}; a file shorter than the offset was rewritten and is read anew. */
    public LogFile appended(Path transcript, long offset) {
        long size;
        try {
            size = Files.size(transcript);
        } catch (IOException missing) {
            return new LogFile(transcript, java.util.List.of(), 0, false, offset);
        }
        long start = size < offset ? 0 : offset;
        return reader.read(transcript, start, true);
    }
}
