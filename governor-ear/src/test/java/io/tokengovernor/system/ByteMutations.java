package io.tokengovernor.system;

import io.tokengovernor.system.HostileBodies.HostileBody;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Random edits of a valid body (a byte replaced, dropped, inserted, two swapped, a span repeated), one to three at
 * a time. Only edits that {@link JsonOracle} finds have broken the document are kept: an edit inside a string
 * usually leaves a valid body, which an endpoint may rightly accept.
 */
final class ByteMutations {

    private static final byte[] STRUCTURE = "{}[]:,\"\\ -.0123456789eEtrufalsn\n\t".getBytes();
    private static final int ATTEMPTS_PER_BODY = 50;

    private final Random random;

    ByteMutations(Random random) {
        this.random = random;
    }

    void breaking(byte[] valid, int wanted, List<HostileBody> bodies) {
        breaking(valid, wanted, JsonOracle::isOneJsonDocument, bodies);
    }

    /** Keeps edits until {@code wanted} of them have made bytes that {@code stillValid} refuses. */
    void breaking(byte[] valid, int wanted, Predicate<byte[]> stillValid,
            List<HostileBody> bodies) {
        int kept = 0;
        for (int attempt = 0; kept < wanted && attempt < wanted * ATTEMPTS_PER_BODY; attempt++) {
            byte[] mutated = valid;
            int edits = 1 + random.nextInt(3);
            for (int edit = 0; edit < edits; edit++) {
                mutated = edit(mutated);
            }
            if (!stillValid.test(mutated)) {
                bodies.add(HostileBodies.body("random edits", edits + " random byte edits", mutated));
                kept++;
            }
        }
        if (kept < wanted) {
            throw new AssertionError("only " + kept + " of " + wanted + " random edits broke the valid body");
        }
    }

    private byte[] edit(byte[] body) {
        int at = random.nextInt(body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> { // any byte in place of one
                out.write(body, 0, body.length);
                byte[] edited = out.toByteArray();
                edited[at] = (byte) random.nextInt(256);
                return edited;
            }
            case 1 -> { // a byte of JSON's own vocabulary in place of one
                out.write(body, 0, body.length);
                byte[] edited = out.toByteArray();
                edited[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
                return edited;
            }
            case 2 -> { // one byte dropped
                out.write(body, 0, at);
                out.write(body, at + 1, body.length - at - 1);
            }
            case 3 -> { // one byte of JSON's vocabulary inserted
                out.write(body, 0, at);
                out.write(STRUCTURE[random.nextInt(STRUCTURE.length)]);
                out.write(body, at, body.length - at);
            }
            case 4 -> { // two bytes swapped
                out.write(body, 0, body.length);
                byte[] edited = out.toByteArray();
                int other = random.nextInt(body.length);
                byte kept = edited[at];
                edited[at] = edited[other];
                edited[other] = kept;
                return edited;
            }
            default -> { // a span repeated elsewhere
                int length = 1 + random.nextInt(Math.min(16, body.length - at));
                int to = random.nextInt(body.length + 1);
                out.write(body, 0, to);
                out.write(body, at, length);
                out.write(body, to, body.length - to);
            }
        }
        return out.toByteArray();
    }
}
