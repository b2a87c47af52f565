package io.tokengovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void httpStatusesMapToTheDocumentedCodes() {
        assertThat(ExitCode.forHttpStatus(400).code()).isEqualTo(3);
        assertThat(ExitCode.forHttpStatus(413).code()).isEqualTo(3);
        assertThat(ExitCode.forHttpStatus(415).code()).isEqualTo(3);
        assertThat(ExitCode.forHttpStatus(422).code()).isEqualTo(3);
        assertThat(ExitCode.forHttpStatus(404).code()).isEqualTo(4);
        assertThat(ExitCode.forHttpStatus(409).code()).isEqualTo(5);
        assertThat(ExitCode.forHttpStatus(401).code()).isEqualTo(6);
        assertThat(ExitCode.forHttpStatus(403).code()).isEqualTo(6);
        assertThat(ExitCode.forHttpStatus(500).code()).isEqualTo(7);
        assertThat(ExitCode.forHttpStatus(503).code()).isEqualTo(7);
        assertThat(ExitCode.forHttpStatus(302).code()).isEqualTo(7);
    }

    @Test
    void theHelpListNamesEveryCode() {
        assertThat(ExitCode.helpList()).containsOnlyKeys("0", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }
}
