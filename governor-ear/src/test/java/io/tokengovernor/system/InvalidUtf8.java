package io.tokengovernor.system;

import io.tokengovernor.system.HostileBodies.HostileBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Bodies that are not UTF-8: byte sequences UTF-8 never has, put at random places of a valid body (inside strings
 * and between tokens alike), and the valid body in other encodings a lenient reader would guess.
 */
final class InvalidUtf8 {

    /** Lone continuation bytes, bytes that never occur, overlong forms, surrogates, code points past U+10FFFF. */
    static final List<String> SEQUENCES = List.of("80", "BF", "FE", "FF", "C0AF", "C1BF", "C3", "E080AF", "E282",
            "EDA080", "EDBFBF", "F4908080", "F888808080");
    private static final int PLACES_PER_SEQUENCE = 3;

    private InvalidUtf8() {
    }

    static void insertInto(String valid, Random random, List<HostileBody> bodies) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (String sequence : SEQUENCES) {
            byte[] invalid = HexFormat.of().parseHex(sequence);
            for (int place = 0; place < PLACES_PER_SEQUENCE; place++) {
                int at = random.nextInt(bytes.length + 1);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write(bytes, 0, at);
                body.writeBytes(invalid);
                body.write(bytes, at, bytes.length - at);
                bodies.add(HostileBodies.body("not UTF-8", "the bytes " + sequence, body.toByteArray()));
            }
        }
        bodies.add(HostileBodies.body("not UTF-8", "UTF-16 with a byte order mark",
                valid.getBytes(StandardCharsets.UTF_16)));
        bodies.add(HostileBodies.body("not UTF-8", "UTF-16LE", valid.getBytes(StandardCharsets.UTF_16LE)));
        bodies.add(HostileBodies.body("not UTF-8", "UTF-32", valid.getBytes(Charset.forName("UTF-32"))));
        bodies.add(HostileBodies.body("not UTF-8", "a byte order mark first (JSON text has none)", "\uFEFF" + valid));
        String latin1 = "{\"zz\":\"caf\u00e9\"," + valid.substring(1);
        bodies.add(HostileBodies.body("not UTF-8", "ISO-8859-1", latin1.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
