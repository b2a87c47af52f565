package io.tokengovernor.core.claudelog;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The binary layout of a {@link LineCache} file: an index (model names, then per log file its state
 * and where its block of lines lies), then the blocks. Only the index is read up front; a block is
 * read and decoded by the thread that handles its log file, so a large cache costs neither a long
 * single-threaded load nor memory for lines not yet needed. Counts are variable-length integers.
 */
final class CacheFormat {

    private static final int MAGIC = 0x54474c43; // "TGLC"
    private static final int SAME_SESSION = 1 << 4;

    private CacheFormat() {
    }

    /** The encoded lines of one log file inside the cache file. */
    record Block(FileChannel channel, long offset, int length, List<String> models) {

        List<LogLine> decode(int count) {
            try {
                ByteBuffer bytes = ByteBuffer.allocate(length);
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, offset + bytes.position()) < 0) {
                        throw new IOException("cache file ends early");
                    }
                }
                BlockReader in = new BlockReader(bytes.array());
                List<LogLine> lines = new ArrayList<>(count);
                String session = null;
                for (int i = 0; i < count; i++) {
                    LogLine line = readLine(in, models, session);
                    session = line.sessionId();
                    lines.add(line);
                }
                return lines;
            } catch (IOException e) {
                throw new IllegalStateException("damaged line cache", e);
            }
        }

        byte[] raw() throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, offset + bytes.position()) < 0) {
                    throw new IOException("cache file ends early");
                }
            }
            return bytes.array();
        }
    }

    static Map<String, LineCache.Entry> readIndex(FileChannel channel, int format) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != format) {
            throw new IOException("not a line cache of this version");
        }
        List<String> models = new ArrayList<>();
        int modelCount = in.readInt();
        for (int i = 0; i < modelCount; i++) {
            models.add(in.readUTF());
        }
        int files = in.readInt();
        Map<String, LineCache.Entry> entries = new HashMap<>(files * 2);
        for (int f = 0; f < files; f++) {
            String path = in.readUTF();
            long size = in.readLong();
            long modified = in.readLong();
            long end = in.readLong();
            long headCrc = in.readLong();
            long tailCrc = in.readLong();
            int skipped = in.readInt();
            int count = in.readInt();
            long offset = in.readLong();
            int length = in.readInt();
            entries.put(path, new LineCache.Entry(size, modified, end, headCrc, tailCrc, skipped, count,
                    new Block(channel, offset, length, models)));
        }
        return entries;
    }

    static void write(OutputStream target, int format, Map<String, LineCache.Entry> entries, List<String> knownModels)
            throws IOException {
        // models already numbered in blocks that are copied as they are keep their numbers
        List<String> models = new ArrayList<>(knownModels);
        Map<String, Integer> modelIndex = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            modelIndex.put(models.get(i), i);
        }
        Map<String, byte[]> blocks = new LinkedHashMap<>();
        for (Map.Entry<String, LineCache.Entry> file : entries.entrySet()) {
            LineCache.Entry entry = file.getValue();
            if (entry.block() != null) {
                blocks.put(file.getKey(), entry.block().raw());
                continue;
            }
            ByteArrayOutputStream block = new ByteArrayOutputStream(entry.count() * 48);
            DataOutputStream blockOut = new DataOutputStream(block);
            String session = null;
            for (LogLine line : entry.lines()) {
                if (line.model() != null && !modelIndex.containsKey(line.model())) {
                    modelIndex.put(line.model(), models.size());
                    models.add(line.model());
                }
                writeLine(blockOut, line, modelIndex, session);
                session = line.sessionId();
            }
            blocks.put(file.getKey(), block.toByteArray());
        }
        ByteArrayOutputStream index = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(index);
        out.writeInt(MAGIC);
        out.writeInt(format);
        out.writeInt(models.size());
        for (String model : models) {
            out.writeUTF(model);
        }
        out.writeInt(blocks.size());
        long relative = 0;
        List<long[]> offsets = new ArrayList<>();
        for (Map.Entry<String, byte[]> block : blocks.entrySet()) {
            LineCache.Entry entry = entries.get(block.getKey());
            out.writeUTF(block.getKey());
            out.writeLong(entry.size());
            out.writeLong(entry.modified());
            out.writeLong(entry.end());
            out.writeLong(entry.headCrc());
            out.writeLong(entry.tailCrc());
            out.writeInt(entry.skipped());
            out.writeInt(entry.count());
            offsets.add(new long[]{index.size(), relative});
            out.writeLong(0); // patched below, once the index length is known
            out.writeInt(block.getValue().length);
            relative += block.getValue().length;
        }
        byte[] header = index.toByteArray();
        ByteBuffer patch = ByteBuffer.wrap(header);
        for (long[] offset : offsets) {
            patch.putLong((int) offset[0], header.length + offset[1]);
        }
        target.write(header);
        for (byte[] block : blocks.values()) {
            target.write(block);
        }
    }

    /** A line's session id is written only where it differs from the line before: a file mostly has one. */
    private static void writeLine(DataOutputStream out, LogLine line, Map<String, Integer> models, String previousSession)
            throws IOException {
        boolean sameSession = Objects.equals(line.sessionId(), previousSession);
        writeCount(out, line.timestamp());
        writeText(out, line.requestId());
        writeText(out, line.messageId());
        writeCount(out, line.model() == null ? 0 : models.get(line.model()) + 1L);
        writeCount(out, line.inputTokens());
        writeCount(out, line.outputTokens());
        writeCount(out, line.cacheCreationFlat());
        writeCount(out, line.cacheReadTokens());
        out.writeByte((line.cacheCreationSplit() ? 1 : 0) | (line.sidechain() ? 2 : 0) | line.speed().ordinal() << 2
                | (sameSession ? SAME_SESSION : 0));
        if (!sameSession) {
            writeText(out, line.sessionId());
        }
        if (line.cacheCreationSplit()) {
            writeCount(out, line.cacheCreation5m());
            writeCount(out, line.cacheCreation1h());
        }
        out.writeLong(Double.doubleToRawLongBits(line.costUsd()));
        writeCount(out, line.usageLimitReset());
        writeCount(out, line.advisors().size());
        for (AdvisorUsage advisor : line.advisors()) {
            writeText(out, advisor.model());
            writeCount(out, advisor.inputTokens());
            writeCount(out, advisor.outputTokens());
            writeCount(out, advisor.cacheCreationFlat());
            writeCount(out, advisor.cacheReadTokens());
            out.writeByte((advisor.cacheCreationSplit() ? 1 : 0) | advisor.speed().ordinal() << 2);
            writeCount(out, advisor.cacheCreation5m());
            writeCount(out, advisor.cacheCreation1h());
        }
    }

    private static LogLine readLine(BlockReader in, List<String> models, String previousSession) throws IOException {
        long timestamp = in.count();
        String requestId = in.text();
        String messageId = in.text();
        int model = (int) in.count();
        long input = in.count();
        long output = in.count();
        long cacheCreation = in.count();
        long cacheRead = in.count();
        int flags = in.flags();
        String session = (flags & SAME_SESSION) != 0 ? previousSession : in.text();
        boolean split = (flags & 1) != 0;
        long fiveMinutes = split ? in.count() : 0;
        long oneHour = split ? in.count() : 0;
        double cost = Double.longBitsToDouble(in.fixedLong());
        long reset = in.count();
        int advisorCount = (int) in.count();
        List<AdvisorUsage> advisors = advisorCount == 0 ? List.of() : new ArrayList<>(advisorCount);
        for (int i = 0; i < advisorCount; i++) {
            String advisorModel = in.text();
            long advisorInput = in.count();
            long advisorOutput = in.count();
            long advisorCreation = in.count();
            long advisorRead = in.count();
            int advisorFlags = in.flags();
            advisors.add(new AdvisorUsage(advisorModel, advisorInput, advisorOutput, advisorCreation, advisorRead,
                    (advisorFlags & 1) != 0, in.count(), in.count(), LogLine.Speed.values()[advisorFlags >>> 2]));
        }
        return new LogLine(timestamp, requestId, messageId, session, model == 0 ? null : models.get(model - 1), input, output,
                cacheCreation, cacheRead, split, fiveMinutes, oneHour, LogLine.Speed.values()[(flags >>> 2) & 3], cost,
                (flags & 2) != 0, reset, advisors);
    }

    /** A non-negative number in 7-bit groups: token counts are mostly small. */
    private static void writeCount(DataOutputStream out, long value) throws IOException {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.writeByte((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte((int) rest);
    }

    /** Length + 1 (0 for null), then UTF-8. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            writeCount(out, 0);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeCount(out, bytes.length + 1L);
        out.write(bytes);
    }
}
