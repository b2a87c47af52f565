package io.tokengovernor.core.claudelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads one encoded block of cached lines; plain index arithmetic, since this runs for every cached line. */
final class BlockReader {

    private final byte[] bytes;
    private int position;

    BlockReader(byte[] bytes) {
        this.bytes = bytes;
    }

    long count() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = next();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed count in line cache");
    }

    String text() throws IOException {
        int length = (int) count() - 1;
        if (length < 0) {
            return null;
        }
        if (position + length > bytes.length) {
            throw new IOException("line cache block ends early");
        }
        String text = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    int flags() throws IOException {
        return next();
    }

    /** Eight bytes, big-endian, as DataOutputStream writes them. */
    long fixedLong() throws IOException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | next();
        }
        return value;
    }

    private int next() throws IOException {
        if (position >= bytes.length) {
            throw new IOException("line cache block ends early");
        }
        return bytes[position++] & 0xff;
    }
}
