package io.tokengovernor.core.usage;

import static io.tokengovernor.core.usage.UsageFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.core.claudelog.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ccusage 20.0.24's de-duplication, each rule as its two readings apply it (checked against the binary). */
class DuplicateFilterTest {

    private static final String T = "2026-03-28T10:00:00Z";
    private static final String LATER = "2026-03-28T10:00:07Z";

    private static List<UsageEntry> kept(Reading reading, UsageEntry... entries) {
        DuplicateFilter filter = reading.duplicateFilter();
        for (UsageEntry entry : entries) {
            filter.add(entry);
        }
        return filter.entries();
    }

    private static UsageEntry line(String time, String messageId, String requestId, String session, long output, boolean sidechain) {
        return entry(time, messageId, requestId, session, output, sidechain, Double.NaN, LogLine.Speed.NONE);
    }

    @Test
    void a_streamed_message_counts_once_with_its_largest_copy_in_the_first_copys_place() {
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, entry(T, "m1", "r1", 10, false), entry(T, "m2", "r2", 5, false),
                    entry(LATER, "m1", "r1", 30, false), entry(LATER, "m1", "r1", 20, false)))
                    .extracting(e -> e.line().messageId() + ":" + e.line().outputTokens())
                    .containsExactly("m1:30", "m2:5");
        }
    }

    @Test
    void a_main_chain_copy_wins_over_a_larger_side_chain_copy() {
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, entry(T, "m1", "r1", 500, true), entry(T, "m1", "r1", 10, false)))
                    .extracting(e -> e.line().outputTokens()).containsExactly(10L);
        }
    }

    @Test
    void a_side_chain_replay_under_a_new_request_id_at_the_parents_instant_is_a_copy_in_every_report() {
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, entry(T, "m1", "r1", 10, false), entry(T, "m1", "replay", 900, true)))
                    .as(reading.name()).extracting(e -> e.line().requestId()).containsExactly("r1");
            assertThat(kept(reading, entry(T, "m1", "replay", 900, true), entry(T, "m1", "r1", 10, false)))
                    .as("the parent replaces a replay read first").extracting(e -> e.line().requestId()).containsExactly("r1");
        }
    }

    @Test
    void only_the_daily_report_folds_a_replay_written_at_another_instant() {
        UsageEntry parent = entry(T, "m1", "r1", 10, false);
        UsageEntry replay = entry(LATER, "m1", "replay", 900, true);

        assertThat(kept(Reading.DAILY, parent, replay)).hasSize(1);
        assertThat(kept(Reading.ENTRIES, parent, replay)).hasSize(2);
    }

    @Test
    void a_replay_in_another_session_is_another_call_unless_a_copy_came_from_that_session() {
        UsageEntry parent = line(T, "m1", "r1", "a", 10, false);
        UsageEntry replay = line(T, "m1", "replay", "b", 900, true);
        UsageEntry copyInB = line(T, "m1", "r1", "b", 10, false);

        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, parent, replay)).as(reading.name()).hasSize(2);
            assertThat(kept(reading, parent, copyInB, replay)).as(reading.name()).hasSize(1);
        }
    }

    @Test
    void copies_with_a_request_id_are_copies_in_any_session() {
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, line(T, "m1", "r1", "a", 10, false), line(LATER, "m1", "r1", "b", 20, false)))
                    .extracting(e -> e.line().outputTokens()).containsExactly(20L);
        }
    }

    @Test
    void copies_without_a_request_id_are_copies_in_their_session_and_for_the_daily_report_at_their_instant() {
        UsageEntry first = line(T, "m1", null, "a", 10, false);
        UsageEntry later = line(LATER, "m1", null, "a", 20, false);
        UsageEntry otherSession = line(T, "m1", null, "b", 20, false);

        assertThat(kept(Reading.ENTRIES, first, later)).hasSize(1);
        assertThat(kept(Reading.DAILY, first, later)).hasSize(2);
        assertThat(kept(Reading.DAILY, first, line(T, "m1", null, "a", 20, false))).hasSize(1);
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, first, otherSession)).as(reading.name()).hasSize(2);
        }
    }

    @Test
    void among_equal_copies_the_daily_report_keeps_the_costlier_and_every_report_the_one_with_speed() {
        UsageEntry cheap = entry(T, "m1", "r1", null, 10, false, 0.1, LogLine.Speed.NONE);
        UsageEntry dear = entry(T, "m1", "r1", null, 10, false, 0.2, LogLine.Speed.NONE);
        UsageEntry withSpeed = entry(T, "m1", "r1", null, 10, false, 0.1, LogLine.Speed.STANDARD);

        assertThat(kept(Reading.DAILY, cheap, dear)).containsExactly(dear);
        assertThat(kept(Reading.ENTRIES, cheap, dear)).containsExactly(cheap);
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, cheap, withSpeed)).as(reading.name()).containsExactly(withSpeed);
        }
    }

    @Test
    void lines_without_message_id_are_never_duplicates() {
        for (Reading reading : Reading.values()) {
            assertThat(kept(reading, entry(T, null, "r1", 10, false), entry(T, null, "r1", 10, false))).hasSize(2);
        }
    }
}
