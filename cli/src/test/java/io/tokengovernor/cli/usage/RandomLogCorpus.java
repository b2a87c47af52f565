package io.tokengovernor.cli.usage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A random pair of Claude Code log folders for the differential test: every edge-case class that
 * {@code CCUSAGE.md} names, mixed in one corpus and colliding with each other, reproducible from the
 * seed. Calls ({@link LoggedCall}) are written as streamed copies, some copied into other files and the
 * other folder, some replayed by side chains (same or another request id, instant and session), some
 * without a request or session id; around them user lines, agent progress lines, blank lines, and lines
 * that ccusage drops or reads its own way ({@link BrokenLines}). Times cluster around local midnights of
 * the zones the test reports in, over days with daylight-saving changes; some files end without a newline.
 */
final class RandomLogCorpus {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 27);
    static final int DAYS = 11;
    private static final String[] MIDNIGHT_ZONES = {"UTC", "America/New_York", "Asia/Tokyo", "Asia/Kolkata",
        "Europe/Berlin", "Pacific/Chatham"};
    static final String[] PROJECTS = {"-home-dev-app", "-home-dev-lib", "-srv-build"};

    private final Random random;
    private final List<Path> roots;
    private final List<LogFileSpot> spots = new ArrayList<>();
    private final Map<Path, List<String>> lines = new LinkedHashMap<>();
    private final List<String> messageIds = new ArrayList<>();
    private final BrokenLines broken;
    private int serial;

    /** A log file and the session its place names. */
    private record LogFileSpot(Path file, String session, boolean subagent) {
    }

    RandomLogCorpus(long seed, List<Path> roots) {
        this.random = new Random(seed);
        this.roots = roots;
        this.broken = new BrokenLines(random);
    }

    /** Writes the corpus of a seed, to look at a difference by hand: {@code RandomLogCorpus SEED DIR}. */
    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        int written = new RandomLogCorpus(Long.parseLong(args[0]), List.of(dir.resolve("claude-a"), dir.resolve("claude-b"))).write();
        System.out.println("wrote " + written + " lines under " + dir.resolve("claude-a") + " and " + dir.resolve("claude-b"));
    }

    /** Writes both folders; returns the number of lines written. */
    int write() {
        plan();
        int calls = 15 + random.nextInt(40);
        for (int i = 0; i < calls; i++) {
            call();
            if (random.nextInt(4) == 0) {
                add(pick().file, userLine());
            }
            if (random.nextInt(12) == 0) {
                boolean otherId = random.nextInt(3) == 0 && !messageIds.isEmpty();
                add(pick().file, newCall().progressLine(random, otherId ? messageIds.get(random.nextInt(messageIds.size())) : null));
            }
            if (random.nextInt(10) == 0) {
                LoggedCall call = newCall();
                add(call.file, broken.line(call.line(random, ++serial)));
            }
            if (random.nextInt(40) == 0) {
                add(pick().file, random.nextBoolean() ? "" : "   ");
            }
        }
        int written = 0;
        for (Map.Entry<Path, List<String>> file : lines.entrySet()) {
            writeFile(file.getKey(), file.getValue(), random.nextInt(8) != 0);
            written += file.getValue().size();
        }
        return written;
    }

    /** Session files in both folders (often at the same relative path), their sub-agents, and odd places. */
    private void plan() {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            sessions.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        List<String> projects = new ArrayList<>();
        sessions.forEach(session -> projects.add(PROJECTS[random.nextInt(PROJECTS.length)]));
        for (Path root : roots) {
            for (int s = 0; s < sessions.size(); s++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                String session = sessions.get(s);
                String project = random.nextInt(5) == 0 ? PROJECTS[random.nextInt(PROJECTS.length)] : projects.get(s);
                Path folder = root.resolve("projects").resolve(project);
                spots.add(new LogFileSpot(folder.resolve(session + ".jsonl"), session, false));
                if (random.nextBoolean()) {
                    spots.add(new LogFileSpot(folder.resolve(session).resolve("subagents")
                            .resolve("agent-a" + random.nextInt(3) + ".jsonl"), session, true));
                }
            }
        }
        if (random.nextInt(4) == 0) { // a session folder without subagents/, and a file straight under projects/
            spots.add(new LogFileSpot(roots.get(0).resolve("projects/-home-dev-app/nested/deeper/chat.jsonl"), "deeper", false));
            spots.add(new LogFileSpot(roots.get(1).resolve("projects/loose.jsonl"), "loose", false));
        }
        if (spots.isEmpty()) {
            spots.add(new LogFileSpot(roots.get(0).resolve("projects/-home-dev-app/" + sessions.get(0) + ".jsonl"),
                    sessions.get(0), false));
        }
    }

    /** One model call: its streamed copies, and perhaps a copy elsewhere and a side-chain replay. */
    private void call() {
        LoggedCall call = newCall();
        int copies = 1 + random.nextInt(3);
        for (int copy = 0; copy < copies; copy++) {
            add(call.file, call.line(random, ++serial));
            call = call.streamedFurther(random);
        }
        if (random.nextInt(8) == 0) { // the same call copied into another file or the other folder
            LogFileSpot other = pick();
            LoggedCall moved = call.movedTo(other.file, other.session, random.nextBoolean());
            add(moved.file, moved.line(random, ++serial));
        }
        if (random.nextInt(5) == 0) {
            LogFileSpot replayFile = random.nextInt(4) == 0 ? pick() : subagentOf(call.fileSession);
            LoggedCall replay = call.replayedIn(random, replayFile.file, replayFile.session, "req_replay_" + serial);
            add(replay.file, replay.line(random, ++serial));
        }
    }

    private LoggedCall newCall() {
        LogFileSpot spot = pick();
        return LoggedCall.drawn(random, spot.file, spot.session, messageId(), time());
    }

    private LogFileSpot subagentOf(String session) {
        for (LogFileSpot candidate : spots) {
            if (candidate.subagent && candidate.session.equals(session)) {
                return candidate;
            }
        }
        return pick();
    }

    private LogFileSpot pick() {
        return spots.get(random.nextInt(spots.size()));
    }

    private void add(Path file, String line) {
        lines.computeIfAbsent(file, f -> new ArrayList<>()).add(line);
    }

    /** Mostly fresh ids; sometimes one used before (another call that reuses it); sometimes none. */
    private String messageId() {
        int draw = random.nextInt(20);
        if (draw == 0) {
            return null;
        }
        if (draw == 1 && !messageIds.isEmpty()) {
            return messageIds.get(random.nextInt(messageIds.size()));
        }
        String id = (random.nextBoolean() ? "msg_01" : "gw-") + Long.toString(random.nextLong() & 0xffffffffL, 36);
        messageIds.add(id);
        return id;
    }

    /** Half the times within a minute and a half of some zone's midnight, the rest anywhere in the days. */
    private long time() {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
        if (random.nextBoolean()) {
            ZoneId zone = ZoneId.of(MIDNIGHT_ZONES[random.nextInt(MIDNIGHT_ZONES.length)]);
            return day.atStartOfDay(zone).toInstant().toEpochMilli() + random.nextInt(180_000) - 90_000;
        }
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + (long) (random.nextDouble() * 86_400_000L);
    }

    private String userLine() {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"line "
                + random.nextInt(1000) + " of a tool result {\\\"usage\\\":{}}\"},\"uuid\":\"u" + (++serial)
                + "\",\"timestamp\":\"" + LoggedCall.timestamp(time(), "Z", true) + "\"}";
    }

    /** @param lastLineEnded false for a file Claude Code is still writing: no newline after the last line */
    private static void writeFile(Path file, List<String> lines, boolean lastLineEnded) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < lines.size(); i++) {
                    out.write(lines.get(i));
                    if (lastLineEnded || i < lines.size() - 1) {
                        out.write('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
