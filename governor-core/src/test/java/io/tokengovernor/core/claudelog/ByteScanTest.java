package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    @Test
    void findsTheSameBytesAsAPlainLoopAtEveryAlignment() {
        Random random = new Random(1);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) "ab{\n\u0080".charAt(random.nextInt(5));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            for (byte value : new byte[]{'{', '\n', (byte) 0x80, 'z'}) {
                assertThat(ByteScan.indexOf(bytes, from, bytes.length, value)).isEqualTo(plainIndexOf(bytes, from, value));
                assertThat(ByteScan.lastIndexOf(bytes, from, bytes.length, value)).isEqualTo(plainLastIndexOf(bytes, from, value));
            }
        }
    }

    @Test
    void findsTheFirstQuoteBackslashOrControlCharacterLikeAPlainLoop() {
        Random random = new Random(2);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) "ab\"\\\u0001\u001f \u00e9".charAt(random.nextInt(8));
            }
            int expected = -1;
            for (int i = 0; i < bytes.length && expected < 0; i++) {
                if (bytes[i] == '"' || bytes[i] == '\\' || (bytes[i] >= 0 && bytes[i] < 0x20)) {
                    expected = i;
                }
            }
            assertThat(ByteScan.indexOfStringSpecial(bytes, 0, bytes.length)).isEqualTo(expected);
        }
    }

    @Test
    void theUsageMarkerIsFoundByItsBraceOnly() {
        byte[] line = "{\"a\":{\"b\":1},\"usage\" :{},\"usage\":{\"x\":1}}".getBytes(StandardCharsets.US_ASCII);

        assertThat(UsageMarker.indexOf(line, 0, line.length)).isEqualTo(new String(line, StandardCharsets.US_ASCII).indexOf("\"usage\":{"));
        assertThat(UsageMarker.indexOf(line, 0, 20)).isEqualTo(-1);
    }

    private static int plainIndexOf(byte[] bytes, int from, byte value) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int plainLastIndexOf(byte[] bytes, int from, byte value) {
        for (int i = bytes.length - 1; i >= from; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
