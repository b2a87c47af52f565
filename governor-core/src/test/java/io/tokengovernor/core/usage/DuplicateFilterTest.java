package io.tokengovernor.core.usage;

import static io.tokengovernor.core.usage.UsageFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

    private static final String T = "2026-03-28T10:00:00Z";

    @Test
    void aStreamedMessageCountsOnceWithItsLargestCopyInTheFirstCopysPlace() {
        DuplicateFilter filter = Reading.ENTRIES.duplicateFilter();
        filter.add(entry(T, "m1", "r1", 10, false));
        filter.add(entry(T, "m2", "r2", 5, false));
        filter.add(entry(T, "m1", "r1", 30, false));
        filter.add(entry(T, "m1", "r1", 20, false));

        assertThat(filter.entries()).extracting(e -> e.line().messageId() + ":" + e.line().outputTokens())
                .containsExactly("m1:30", "m2:5");
    }

    @Test
    void aMainChainCopyWinsOverALargerSideChainCopy() {
        DuplicateFilter filter = Reading.ENTRIES.duplicateFilter();
        filter.add(entry(T, "m1", "r1", 500, true));
        filter.add(entry(T, "m1", "r1", 10, false));

        assertThat(filter.entries()).extracting(e -> e.line().outputTokens()).containsExactly(10L);
    }

    @Test
    void theDailyReportAlsoFoldsSideChainReplaysUnderNewRequestIds() {
        DuplicateFilter daily = Reading.DAILY.duplicateFilter();
        DuplicateFilter entries = Reading.ENTRIES.duplicateFilter();
        for (DuplicateFilter filter : new DuplicateFilter[]{daily, entries}) {
            filter.add(entry(T, "m1", "r1", 10, false));
            filter.add(entry(T, "m1", "replay", 900, true));
        }

        assertThat(daily.entries()).hasSize(1);
        assertThat(entries.entries()).as("ccusage 20.0.24 keeps the replay outside the daily report").hasSize(2);
    }

    @Test
    void linesWithoutMessageIdAreNeverDuplicates() {
        DuplicateFilter filter = Reading.ENTRIES.duplicateFilter();
        filter.add(entry(T, null, "r1", 10, false));
        filter.add(entry(T, null, "r1", 10, false));

        assertThat(filter.entries()).hasSize(2);
    }
}
