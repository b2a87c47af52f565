package io.tokengovernor.faces.pulls;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokengovernor.pulls.boundary.PullRequestRow;
import io.tokengovernor.pulls.entity.PullState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullListTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void a_state_narrows_the_list_and_the_tokens_are_those_shown() {
        PullList all = new PullList(List.of(pull(9, PullState.CLOSED, 0), pull(8, PullState.MERGED, 2_600),
                pull(7, PullState.OPEN, 1_200), pull(6, PullState.MERGED, 400)), null);

        assertThat(all.shown()).hasSize(4);
        assertThat(all.tokens()).isEqualTo(4_200);
        assertThat(all.count(PullState.MERGED)).isEqualTo(2);
        PullList merged = new PullList(all.all(), PullState.MERGED);
        assertThat(merged.shown()).extracting(PullRequestRow::number).containsExactly(8, 6);
        assertThat(merged.tokens()).isEqualTo(3_000);
        assertThat(merged.count(PullState.OPEN)).isEqualTo(1);
    }

    @Test
    void a_state_in_an_address_is_read_in_any_case_and_anything_else_is_none() {
        assertThat(PullList.stateNamed("open")).contains(PullState.OPEN);
        assertThat(PullList.stateNamed(" Merged ")).contains(PullState.MERGED);
        assertThat(PullList.stateNamed("stale")).isEmpty();
        assertThat(PullList.stateNamed(null)).isEmpty();
    }

    @Test
    void reviews_say_what_github_said_or_that_it_was_not_asked() {
        assertThat(PullList.reviews(pull(1, PullState.OPEN, 0))).isEqualTo("not asked yet");
        assertThat(PullList.reviews(reviewed(0, 0))).isEqualTo("no reviews");
        assertThat(PullList.reviews(reviewed(1, 0))).isEqualTo("1 approval");
        assertThat(PullList.reviews(reviewed(2, 1))).isEqualTo("2 approvals, 1 change request");
        assertThat(PullList.reviews(reviewed(0, 3))).isEqualTo("3 change requests");
    }

    @Test
    void only_a_web_address_becomes_a_link() {
        assertThat(PullList.link(withUrl("https://github.com/octocat/demo/pull/7")))
                .isEqualTo("https://github.com/octocat/demo/pull/7");
        assertThat(PullList.link(withUrl("http://ghe.example/octocat/demo/pull/7"))).isNotNull();
        assertThat(PullList.link(withUrl("javascript:alert(1)"))).isNull();
        assertThat(PullList.link(withUrl("https://x\" onclick=\"a"))).isNull();
        assertThat(PullList.link(withUrl(null))).isNull();
    }

    @Test
    void each_state_has_its_own_colour() {
        assertThat(PullList.severity(PullState.OPEN)).isEqualTo("info");
        assertThat(PullList.severity(PullState.MERGED)).isEqualTo("success");
        assertThat(PullList.severity(PullState.CLOSED)).isEqualTo("danger");
    }

    private static PullRequestRow pull(int number, PullState state, long tokens) {
        return new PullRequestRow("octocat/demo", number, "title " + number, "https://github.com/octocat/demo/pull/"
                + number, "token-gov/pr-" + number, "main", state, 0, 0, state == PullState.MERGED, null, tokens,
                List.of(), NOW, NOW, null);
    }

    private static PullRequestRow reviewed(int approvals, int changes) {
        return new PullRequestRow("octocat/demo", 1, "t", "https://github.com/octocat/demo/pull/1", "b", "main",
                PullState.OPEN, approvals, changes, false, null, 0, List.of(), NOW, NOW, NOW);
    }

    private static PullRequestRow withUrl(String url) {
        return new PullRequestRow("octocat/demo", 1, "t", url, "b", "main", PullState.OPEN, 0, 0, false, null, 0,
                List.of(), NOW, NOW, null);
    }
}
