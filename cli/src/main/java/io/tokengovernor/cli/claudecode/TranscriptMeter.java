package io.tokengovernor.cli.claudecode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokengovernor.cli.measure.ImportBatch;
import io.tokengovernor.core.claudecode.CheckpointText;
import io.tokengovernor.core.claudecode.SessionTasks;
import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.claudelog.TranscriptReader;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import io.tokengovernor.core.usage.DuplicateFilter;
import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.UsageEntries;
import io.tokengovernor.core.usage.UsageEntry;
import io.tokengovernor.core.usage.UsageLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Meters a Claude Code session from its transcripts, where they live, a little at a time: each read takes the
 * complete lines appended since the last committed read of the session's transcript and of its subagents'
 * ({@code <session>/subagents/*.jsonl}), accepted and priced as the usage reports accept and price them, each
 * call keyed {@code message.id:requestId}. The offsets move only once the server has acknowledged the events, so a
 * failed send is sent again next time; the ledger counts a repeated key once.
 */
final class TranscriptMeter implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path stateFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    // loaded on the first usage line: most relays of a quiet session have none, and the table costs start-up time
    private UsageLog.Pricing pricing;
    private final TranscriptReader reader = new TranscriptReader(Reading.ENTRIES.parser());

    /** Opens the session's metering state, waiting for any other relay of the same session to finish. */
    TranscriptMeter(Path stateDirectory, String sessionId) throws IOException {
        Files.createDirectories(stateDirectory);
        String name = sessionId.replaceAll("[^A-Za-z0-9._-]", "_");
        this.stateFile = stateDirectory.resolve(name + ".json");
        this.lockChannel = FileChannel.open(stateDirectory.resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        this.lock = lockChannel.lock();
        if (Files.exists(stateFile)) {
            JsonNode saved = MAPPER.readTree(stateFile.toFile()).path("offsets");
            for (Iterator<Map.Entry<String, JsonNode>> it = saved.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                offsets.put(entry.getKey(), entry.getValue().asLong());
            }
        }
    }

    /** Where relays keep their offsets: {@code $XDG_CACHE_HOME/token-governor/hooks}, else under ~/.cache. */
    static Path stateDirectory(Map<String, String> environment) {
        String cache = environment.get("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("token-governor").resolve("hooks");
    }

    /** What was appended to the session's transcripts since the last commit (nothing is committed yet). */
    Metered read(String sessionId, Path transcript) {
        Metered reading = new Metered(sessionId);
        if (transcript == null || !Files.isRegularFile(transcript)) {
            return reading;
        }
        readFile(reading, transcript, null);
        Path subagents = transcript.resolveSibling(sessionId).resolve("subagents");
        if (Files.isDirectory(subagents)) {
            TreeSet<Path> files = new TreeSet<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(subagents, "*.jsonl")) {
                listing.forEach(files::add);
            } catch (IOException unreadable) {
                // metered next time
            }
            for (Path file : files) {
                readFile(reading, file, file.getFileName().toString().replaceFirst("\\.jsonl$", ""));
            }
        }
        return reading;
    }

    /** Moves the offsets past what {@code reading} held, once the server has it. */
    void commit(Metered reading) throws IOException {
        offsets.putAll(reading.ends);
        ObjectNode state = MAPPER.createObjectNode();
        ObjectNode saved = state.putObject("offsets");
        offsets.forEach(saved::put);
        Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.writeString(temporary, MAPPER.writeValueAsString(state), StandardCharsets.UTF_8);
        Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void readFile(Metered reading, Path file, String subagent) {
        String key = file.toAbsolutePath().toString();
        long from = offsets.getOrDefault(key, 0L);
        LogFile appended = reader.appended(file, from);
        if (!appended.readable()) {
            return;
        }
        long start = appended.end() < from ? 0 : Math.min(from, appended.end());
        reading.ends.put(key, appended.end());
        if (subagent != null && !appended.lines().isEmpty()) {
            reading.subagents.add(subagent);
        }
        String taskId = subagent == null ? SessionTasks.taskOf(reading.sessionId)
                : SessionTasks.subagentTaskOf(reading.sessionId, subagent);
        String agentId = subagent == null ? SessionTasks.agentOf(reading.sessionId)
                : SessionTasks.subagentAgentOf(reading.sessionId, subagent);
        if (!appended.lines().isEmpty() && pricing == null) {
            pricing = new UsageLog.Pricing(PriceTable.embedded(), CostMode.AUTO, ZoneOffset.UTC);
        }
        for (UsageEntry entry : UsageEntries.of(appended, pricing)) {
            reading.filter.add(entry);
            reading.meta.put(entry, new String[] {taskId, agentId, SessionTasks.eventIdOf(entry.line(), file)});
        }
        checkpointIn(file, start, appended.end()).ifPresent(summary -> reading.checkpoints.put(taskId, summary));
    }

    /** The last checkpoint the agent wrote in the transcript's bytes [from, to), if any. */
    private static Optional<String> checkpointIn(Path file, long from, long to) {
        if (to <= from) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, to - from));
        } catch (IOException e) {
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains(CheckpointText.MARKER)) {
            return Optional.empty();
        }
        Optional<String> last = Optional.empty();
        for (String line : text.split("\n")) {
            if (!line.contains(CheckpointText.MARKER) || !line.contains("\"assistant\"")) {
                continue;
            }
            try {
                JsonNode json = MAPPER.readTree(line);
                if (!"assistant".equals(json.path("type").asText())) {
                    continue;
                }
                for (JsonNode block : json.path("message").path("content")) {
                    Optional<String> found = CheckpointText.find(block.path("text").asText(null));
                    if (found.isPresent()) {
                        last = found;
                    }
                }
            } catch (IOException notJson) {
                // a line the reports skip too
            }
        }
        return last;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    /** One read: the events in ccusage's de-duplicated order, the subagents seen, the ends reached. */
    static final class Metered {
        private final String sessionId;
        private final DuplicateFilter filter = Reading.ENTRIES.duplicateFilter();
        private final Map<UsageEntry, String[]> meta = new IdentityHashMap<>();
        private final Map<String, Long> ends = new LinkedHashMap<>();
        private final List<String> subagents = new ArrayList<>();
        private final Map<String, String> checkpoints = new LinkedHashMap<>();

        private Metered(String sessionId) {
            this.sessionId = sessionId;
        }

        List<ImportBatch.Event> events() {
            List<ImportBatch.Event> events = new ArrayList<>();
            for (UsageEntry entry : filter.entries()) {
                String[] about = meta.get(entry);
                events.add(ImportBatch.Event.of(entry, about[0], about[1], about[2]));
            }
            return events;
        }

        List<String> subagents() {
            return subagents;
        }

        /** The checkpoint each transcript's agent wrote since the last read: task id → summary. */
        Map<String, String> checkpoints() {
            return checkpoints;
        }
    }
}
