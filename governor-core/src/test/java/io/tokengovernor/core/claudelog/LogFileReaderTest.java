package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileReaderTest {

    private static final String USAGE = "\"input_tokens\":1,\"output_tokens\":2";

    @TempDir
    Path folder;

    @Test
    void readsTheLastLineWithoutNewlineAndCountsSkippedUsageLines() throws Exception {
        Path file = folder.resolve("s.jsonl");
        Files.writeString(file, LogLineParserTest.line(USAGE, "") + "\n{\"message\":{\"usage\":{}}}\n{\"type\":\"user\"}\n"
                + LogLineParserTest.line(USAGE, "").replace("m1", "m2"));

        LogFile read = new LogFileReader(LogLineParser.forEntries()).read(file);

        assertThat(read.lines()).extracting(LogLine::messageId).containsExactly("m1", "m2");
        assertThat(read.skippedLines()).isEqualTo(1);
        assertThat(read.end()).isEqualTo(Files.size(file));
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() throws Exception {
        Path file = folder.resolve("big.jsonl");
        String huge = "x".repeat(3 << 20);
        Files.writeString(file, "{\"type\":\"user\",\"text\":\"" + huge + "\"}\n"
                + LogLineParserTest.line(USAGE, ",\"note\":\"" + huge + "\"") + "\n");

        LogFile read = new LogFileReader(LogLineParser.forEntries()).read(file);

        assertThat(read.lines()).hasSize(1);
    }

    @Test
    void anIncrementalReadLeavesAHalfWrittenLineForLater() throws Exception {
        Path file = folder.resolve("live.jsonl");
        String complete = LogLineParserTest.line(USAGE, "") + "\n";
        String second = LogLineParserTest.line(USAGE, "").replace("m1", "m2");
        Files.writeString(file, complete + second.substring(0, 40));
        LogFileReader reader = new LogFileReader(LogLineParser.forEntries());

        LogFile first = reader.read(file, 0, true);
        Files.writeString(file, second.substring(40) + "\n", StandardOpenOption.APPEND);
        LogFile rest = reader.read(file, first.end(), true);

        assertThat(first.lines()).extracting(LogLine::messageId).containsExactly("m1");
        assertThat(first.end()).isEqualTo(complete.length());
        assertThat(rest.lines()).extracting(LogLine::messageId).containsExactly("m2");
    }
}
