package io.tokengovernor.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void numericColumnsAreRightAlignedAndTextLeftAligned() {
        Table table = Table.withColumns("NAME", "USED", "NOTE")
                .row("a", "5", "x")
                .row("long-name", "12345", "-");

        assertThat(table.lines()).containsExactly(
                "NAME        USED  NOTE",
                "a              5  x",
                "long-name  12345  -");
    }

    @Test
    void aTableWithOnlyAHeaderIsEmpty() {
        assertThat(Table.withColumns("A").isEmpty()).isTrue();
        assertThat(Table.withColumns("A").row("1").isEmpty()).isFalse();
    }
}
