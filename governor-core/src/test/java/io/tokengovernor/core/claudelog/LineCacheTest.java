package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineCacheTest {

    private static final String USAGE = "\"input_tokens\":1,\"output_tokens\":2";

    @TempDir
    Path folder;

    private static String line(String messageId) {
        return LogLineParserTest.line(USAGE, "").replace("\"m1\"", "\"" + messageId + "\"");
    }

    private List<String> readThroughCache(Path log) {
        return readLinesThroughCache(log).stream().map(LogLine::messageId).toList();
    }

    private List<LogLine> readLinesThroughCache(Path log) {
        LineCache cache = LineCache.at(folder.resolve("cache.bin"));
        List<LogFile> files = new LogScan(LogLineParser.forEntries(), 1, cache).read(List.of(log));
        cache.save();
        return files.get(0).lines();
    }

    @Test
    void aCachedLineIsTheLineAsRead() throws Exception {
        Path log = folder.resolve("s.jsonl");
        String other = line("c").replace("\"s1\"", "\"s2\"");
        String none = line("d").replace("\"sessionId\":\"s1\",", "");
        Files.writeString(log, line("a") + "\n" + line("b") + "\n" + other + "\n" + none + "\n" + line("e") + "\n");
        List<LogLine> read = readLinesThroughCache(log);

        assertThat(readLinesThroughCache(log)).as("from the cache").isEqualTo(read);
        assertThat(read).extracting(LogLine::sessionId).containsExactly("s1", "s1", "s2", null, "s1");
    }

    @Test
    void anUnchangedFileIsServedFromTheCacheWithoutReadingIt() throws Exception {
        Path log = folder.resolve("s.jsonl");
        Files.writeString(log, line("a") + "\n" + line("b") + "\n");
        FileTime modified = Files.getLastModifiedTime(log);
        assertThat(readThroughCache(log)).containsExactly("a", "b");

        // same size and time but other bytes: only a cached copy can still say "a", "b"
        Files.writeString(log, line("x") + "\n" + line("y") + "\n");
        Files.setLastModifiedTime(log, modified);

        assertThat(readThroughCache(log)).containsExactly("a", "b");
    }

    @Test
    void aGrownFileIsReadFromWhereTheLastRunStoppedAndAHalfLineIsNotKept() throws Exception {
        Path log = folder.resolve("s.jsonl");
        String second = line("b");
        Files.writeString(log, line("a") + "\n" + second.substring(0, 30));
        assertThat(readThroughCache(log)).as("the unterminated line counts while it is the last").containsExactly("a");

        Files.writeString(log, second.substring(30) + "\n" + line("c") + "\n", StandardOpenOption.APPEND);

        assertThat(readThroughCache(log)).containsExactly("a", "b", "c");
    }

    @Test
    void aRewrittenFileIsReadWhole() throws Exception {
        Path log = folder.resolve("s.jsonl");
        Files.writeString(log, line("a") + "\n");
        assertThat(readThroughCache(log)).containsExactly("a");

        Files.writeString(log, line("z") + "\n" + line("a") + "\n");
        Files.setLastModifiedTime(log, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        assertThat(readThroughCache(log)).containsExactly("z", "a");
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws Exception {
        Path log = folder.resolve("s.jsonl");
        Files.writeString(log, line("a") + "\n");
        Files.writeString(folder.resolve("cache.bin"), "not a cache");

        assertThat(readThroughCache(log)).containsExactly("a");
        assertThat(readThroughCache(log)).containsExactly("a");
    }
}
