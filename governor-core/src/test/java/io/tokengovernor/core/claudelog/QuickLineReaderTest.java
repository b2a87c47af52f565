package io.tokengovernor.core.claudelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reader either agrees with the general parser or leaves the line to it: checked on mutated lines. */
class QuickLineReaderTest {

    private static final List<String> SEEDS = List.of(
            LogLineParserTest.line("\"input_tokens\":10,\"output_tokens\":20,\"cache_creation_input_tokens\":30,"
                    + "\"cache_read_input_tokens\":40,\"cache_creation\":{\"ephemeral_5m_input_tokens\":5,\"ephemeral_1h_input_tokens\":7},"
                    + "\"speed\":\"fast\",\"service_tier\":\"standard\"", ",\"costUSD\":0.25,\"isSidechain\":false,\"stop\":null,"
                    + "\"isApiErrorMessage\":false,\"list\":[1,-2.5e3,true,null,{\"k\":\"v\\\"\\u00e9\"}]"),
            LogLineParserTest.line("\"input_tokens\":0,\"output_tokens\":1", ",\"parentUuid\":null,\"cwd\":\"/home/x\""));

    private static final String ALPHABET = "{}[]\":,0123456789.-eE nulltruefalse\\\"abc";

    @Test
    void agreesWithTheGeneralParserWheneverItAnswers() {
        Random random = new Random(11);
        int answered = 0;
        for (boolean errorFlag : new boolean[]{true, false}) {
            LogLineParser general = errorFlag ? LogLineParser.forEntries() : LogLineParser.forDaily();
            for (String seed : SEEDS) {
                check(seed.getBytes(StandardCharsets.UTF_8), general, errorFlag);
                for (int round = 0; round < 20_000; round++) {
                    if (check(mutate(seed, random).getBytes(StandardCharsets.UTF_8), general, errorFlag)) {
                        answered++;
                    }
                }
            }
        }
        assertThat(answered).as("the quick reader must answer for most plausible lines").isGreaterThan(1_000);
    }

    @Test
    void answersForTheCommonShape() {
        byte[] line = SEEDS.get(0).getBytes(StandardCharsets.UTF_8);

        assertThat(QuickLineReader.read(line, 0, line.length, true)).isNotNull();
    }

    @Test
    void leavesARepeatedNameAtAnyDepthToTheGeneralParser() {
        for (String repeat : List.of(",\"k\":1,\"k\":2", ",\"o\":{\"a\":[{\"k\":1,\"k\":null}]}")) {
            byte[] line = LogLineParserTest.line("\"input_tokens\":0,\"output_tokens\":1", repeat).getBytes(StandardCharsets.UTF_8);

            assertThat(QuickLineReader.read(line, 0, line.length, true)).as(repeat).isNull();
        }
    }

    private static boolean check(byte[] line, LogLineParser general, boolean errorFlag) {
        LineFields quick = QuickLineReader.read(line, 0, line.length, errorFlag);
        if (quick == null) {
            return false;
        }
        LineFields reference = general.readGenerally(line, 0, line.length);
        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(reference).as("general parser rejects what the quick reader accepted: %s", text).isNotNull();
        assertThat(quick.isValid()).as(text).isEqualTo(reference.isValid());
        assertThat(quick.apiError).as(text).isEqualTo(reference.apiError);
        assertThat(quick.toLine(quick.timestamp, 0)).as(text).isEqualTo(reference.toLine(reference.timestamp, 0));
        return true;
    }

    private static String mutate(String seed, Random random) {
        StringBuilder line = new StringBuilder(seed);
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(line.length());
            switch (random.nextInt(4)) {
                case 0 -> line.deleteCharAt(at);
                case 1 -> line.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> line.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> line.insert(at, " ");
            }
        }
        return line.toString();
    }
}
