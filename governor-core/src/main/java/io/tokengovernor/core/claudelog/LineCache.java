package io.tokengovernor.core.claudelog;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The usage lines already read from each log file, kept between runs. Claude Code only appends to
 * its logs, so a file whose size and modification time are unchanged is not read again, and a file
 * that grew is read from where the last run stopped, after checking that the bytes before that
 * point are still the ones read then (a rewritten file is read whole). Only complete lines are
 * kept; a half-written last line is read again each run. A damaged or foreign cache file is ignored.
 */
public final class LineCache {

    // bump when the layout or the rules of which lines count change: an old cache is then ignored
    private static final int FORMAT = 6;
    private static final int CHECKED_BYTES = 4096;

    /**
     * What one file held when it was last read: either decoded {@code lines} or, for what came from
     * the cache file, the still encoded {@code block}.
     */
    record Entry(long size, long modified, long end, long headCrc, long tailCrc, int skipped, int count,
                 CacheFormat.Block block, List<LogLine> decoded) {

        Entry(long size, long modified, long end, long headCrc, long tailCrc, int skipped, int count, CacheFormat.Block block) {
            this(size, modified, end, headCrc, tailCrc, skipped, count, block, null);
        }

        List<LogLine> lines() {
            return decoded != null ? decoded : block.decode(count);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final Map<String, Entry> updated = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private final FileChannel channel;

    private LineCache(Path file, Map<String, Entry> entries, FileChannel channel) {
        this.file = file;
        this.entries = entries;
        this.channel = channel;
    }

    /** The cache in {@code file}; empty when it does not exist or cannot be read. */
    public static LineCache at(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return new LineCache(file, CacheFormat.readIndex(channel, FORMAT), channel);
        } catch (IOException | RuntimeException unusable) {
            closeQuietly(channel);
            return new LineCache(file, new HashMap<>(), null);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /**
     * Where the cache of one parser flavour and one set of log folders lives:
     * {@code $XDG_CACHE_HOME/token-governor}, else {@code ~/.cache/token-governor}. Each set of folders
     * has its own file, so switching {@code CLAUDE_CONFIG_DIR} back and forth keeps both warm.
     */
    public static Path defaultFile(Map<String, String> environment, String flavour, LogFolders folders) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        CRC32 roots = new CRC32();
        folders.roots().forEach(root -> roots.update(root.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)));
        return base.resolve("token-governor").resolve(String.format("usage-lines-%s-%08x.bin", flavour, roots.getValue()));
    }

    /** Reads {@code path} with the help of the cache and records what was read for the next run. */
    LogFile read(Path path, LogFileReader reader) {
        String key = path.toString();
        long size;
        long modified;
        try {
            size = Files.size(path);
            modified = Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return new LogFile(path, List.of(), 0, false, 0);
        }
        Entry known = entries.get(key);
        Entry complete;
        if (known != null && known.size() == size && known.modified() == modified) {
            complete = known;
        } else if (known != null && size >= known.end() && sameBytes(path, known)) {
            LogFile appended = reader.read(path, known.end(), true);
            List<LogLine> knownLines = known.lines();
            List<LogLine> lines = new ArrayList<>(knownLines.size() + appended.lines().size());
            lines.addAll(knownLines);
            lines.addAll(appended.lines());
            complete = remember(path, size, modified, appended.end(), known.skipped() + appended.skippedLines(), lines);
        } else {
            LogFile whole = reader.read(path, 0, true);
            if (!whole.readable()) {
                return whole;
            }
            complete = remember(path, size, modified, whole.end(), whole.skippedLines(), whole.lines());
        }
        updated.put(key, complete);
        List<LogLine> completeLines = complete.lines();
        if (complete.end() >= size) {
            return new LogFile(path, completeLines, complete.skipped(), true, complete.end());
        }
        LogFile tail = reader.read(path, complete.end(), false); // the unterminated last line, never cached
        List<LogLine> lines = new ArrayList<>(completeLines);
        lines.addAll(tail.lines());
        return new LogFile(path, lines, complete.skipped() + tail.skippedLines(), true, tail.end());
    }

    private Entry remember(Path path, long size, long modified, long end, int skipped, List<LogLine> lines) {
        dirty = true;
        long[] crcs = crcs(path, end);
        return new Entry(size, modified, end, crcs[0], crcs[1], skipped, lines.size(), null, lines);
    }

    /** Writes what this run read, forgetting files that no longer exist; a no-op when nothing changed. */
    public void save() {
        if (!dirty && updated.size() == entries.size()) {
            closeQuietly(channel);
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                CacheFormat.write(out, FORMAT, updated, knownModels());
            }
            // readers see the old file or the new one, never half of one
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next run its speed
        } finally {
            closeQuietly(channel);
        }
    }

    private List<String> knownModels() {
        for (Entry entry : updated.values()) {
            if (entry.block() != null) {
                return entry.block().models();
            }
        }
        return List.of();
    }

    private static boolean sameBytes(Path path, Entry known) {
        long[] crcs = crcs(path, known.end());
        return crcs[0] == known.headCrc() && crcs[1] == known.tailCrc();
    }

    /** CRCs of the first and of the last {@value #CHECKED_BYTES} bytes before {@code end}. */
    private static long[] crcs(Path path, long end) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            return new long[]{crc(file, 0, Math.min(end, CHECKED_BYTES)), crc(file, Math.max(0, end - CHECKED_BYTES), end)};
        } catch (IOException e) {
            return new long[]{-1, -1};
        }
    }

    private static long crc(RandomAccessFile file, long from, long to) throws IOException {
        byte[] bytes = new byte[(int) (to - from)];
        file.seek(from);
        file.readFully(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

}
