package io.tokengovernor.core.scheduler;

import static io.tokengovernor.core.scheduler.Queued.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumePlannerTest {

    private static final SchedulerRules RULES = SchedulerRules.DEFAULTS;
    private static final SchedulerRules NO_BACKFILL = new SchedulerRules(10, 1.2, 2, false, 0.5, 10);

    @Test
    void work_resumes_in_order_while_its_project_has_the_estimate_times_the_safety_factor() {
        List<QueuedWork> queue = List.of(Queued.task("a").priority(3).build(), Queued.task("b").priority(2).build(),
                Queued.task("c").priority(1).build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 250L), RULES, 10, NOW);

        assertThat(ids(decision)).containsExactly("a", "b");
        assertThat(decision.skipped()).extracting(skip -> skip.work().id(), ResumeDecision.Skip::reason)
                .containsExactly(tuple("c", SkipReason.NO_TOKENS));
        assertThat(decision.tokensLeft()).containsEntry("p", 10L);
    }

    @Test
    void work_resumes_with_exactly_enough_tokens_and_not_with_one_less() {
        List<QueuedWork> queue = List.of(Queued.task("t").remaining(100).build());

        assertThat(ids(ResumePlanner.plan(queue, Map.of("p", 120L), RULES, 10, NOW))).containsExactly("t");
        assertThat(ids(ResumePlanner.plan(queue, Map.of("p", 119L), RULES, 10, NOW))).isEmpty();
    }

    @Test
    void a_resume_records_the_tokens_available_and_held() {
        ResumeDecision decision = ResumePlanner.plan(List.of(Queued.task("t").remaining(100).build()),
                Map.of("p", 500L), RULES, 10, NOW);

        assertThat(decision.resumed()).singleElement().satisfies(resume -> {
            assertThat(resume.tokensAvailable()).isEqualTo(500);
            assertThat(resume.tokensHeld()).isEqualTo(120);
            assertThat(resume.backfill()).isFalse();
        });
    }

    @Test
    void a_project_without_available_tokens_resumes_nothing() {
        ResumeDecision decision = ResumePlanner.plan(List.of(Queued.task("t").project("unknown").build()),
                Map.of("p", 10_000L), RULES, 10, NOW);

        assertThat(decision.resumed()).isEmpty();
        assertThat(decision.skipped()).extracting(ResumeDecision.Skip::reason).containsExactly(SkipReason.NO_TOKENS);
    }

    @Test
    void work_that_does_not_fit_blocks_later_work_of_its_own_project_only() {
        List<QueuedWork> queue = List.of(
                Queued.task("p-big").project("p").priority(9).remaining(1_000).build(),
                Queued.task("p-small").project("p").priority(5).remaining(10).build(),
                Queued.task("q-any").project("q").priority(1).remaining(100).build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 500L, "q", 500L), NO_BACKFILL, 10, NOW);

        assertThat(ids(decision)).containsExactly("q-any");
        assertThat(decision.skipped()).extracting(skip -> skip.work().id(), ResumeDecision.Skip::reason)
                .containsExactly(tuple("p-big", SkipReason.NO_TOKENS),
                        tuple("p-small", SkipReason.BEHIND_BLOCKED_WORK));
    }

    @Test
    void backfill_tries_the_blocked_projects_remaining_work_smallest_first() {
        List<QueuedWork> queue = List.of(
                Queued.task("head").priority(9).remaining(1_000).build(),
                Queued.task("medium").priority(5).remaining(150).build(),
                Queued.task("small").priority(1).remaining(50).build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 200L), RULES, 10, NOW);

        assertThat(ids(decision)).containsExactly("small");
        assertThat(decision.resumed().get(0).backfill()).isTrue();
        assertThat(decision.skipped()).extracting(skip -> skip.work().id(), ResumeDecision.Skip::reason)
                .containsExactly(tuple("head", SkipReason.NO_TOKENS), tuple("medium", SkipReason.NO_TOKENS));
    }

    @Test
    void without_backfill_nothing_goes_ahead_of_blocked_work() {
        List<QueuedWork> queue = List.of(Queued.task("head").priority(9).remaining(1_000).build(),
                Queued.task("small").priority(1).remaining(50).build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 200L), NO_BACKFILL, 10, NOW);

        assertThat(decision.resumed()).isEmpty();
        assertThat(decision.skipped()).extracting(ResumeDecision.Skip::reason)
                .containsExactly(SkipReason.NO_TOKENS, SkipReason.BEHIND_BLOCKED_WORK);
    }

    @Test
    void backfill_comes_after_the_ordered_walk_of_every_project() {
        List<QueuedWork> queue = List.of(
                Queued.task("p-head").project("p").priority(9).remaining(1_000).build(),
                Queued.task("p-small").project("p").priority(8).remaining(10).build(),
                Queued.task("q-next").project("q").priority(1).build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 100L, "q", 1_000L), RULES, 2, NOW);

        assertThat(ids(decision)).containsExactly("q-next", "p-small");
    }

    @Test
    void no_more_work_resumes_than_the_pass_has_slots() {
        List<QueuedWork> queue = List.of(Queued.task("a").build(), Queued.task("b").build(), Queued.task("c").build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 10_000L), RULES, 2, NOW);

        assertThat(ids(decision)).containsExactly("a", "b");
        assertThat(decision.skipped()).extracting(ResumeDecision.Skip::reason).containsExactly(SkipReason.NO_SLOT);
    }

    @Test
    void a_pass_without_slots_resumes_nothing() {
        ResumeDecision decision = ResumePlanner.plan(List.of(Queued.task("a").build()), Map.of("p", 10_000L), RULES,
                0, NOW);

        assertThat(decision.resumed()).isEmpty();
        assertThat(decision.skipped()).extracting(ResumeDecision.Skip::reason).containsExactly(SkipReason.NO_SLOT);
    }

    @Test
    void one_project_takes_at_most_its_share_of_the_slots_while_another_waits() {
        List<QueuedWork> queue = List.of(
                Queued.task("p1").project("p").priority(9).build(), Queued.task("p2").project("p").priority(8).build(),
                Queued.task("p3").project("p").priority(7).build(), Queued.task("p4").project("p").priority(6).build(),
                Queued.task("q1").project("q").priority(1).build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 10_000L, "q", 10_000L), RULES, 4, NOW);

        assertThat(ids(decision)).containsExactly("p1", "p2", "q1");
        assertThat(decision.skipped()).extracting(skip -> skip.work().id(), ResumeDecision.Skip::reason)
                .containsExactly(tuple("p3", SkipReason.FAIRNESS_CAP), tuple("p4", SkipReason.FAIRNESS_CAP));
    }

    @Test
    void a_project_alone_in_the_queue_may_take_every_slot() {
        List<QueuedWork> queue = List.of(Queued.task("p1").build(), Queued.task("p2").build(),
                Queued.task("p3").build());

        assertThat(ids(ResumePlanner.plan(queue, Map.of("p", 10_000L), RULES, 3, NOW))).hasSize(3);
    }

    @Test
    void a_tiny_share_still_lets_each_project_resume_one_item() {
        SchedulerRules tinyShare = new SchedulerRules(10, 1.2, 2, true, 0.1, 10);
        List<QueuedWork> queue = List.of(Queued.task("p1").project("p").priority(9).build(),
                Queued.task("p2").project("p").priority(8).build(), Queued.task("q1").project("q").build());

        assertThat(ids(ResumePlanner.plan(queue, Map.of("p", 10_000L, "q", 10_000L), tinyShare, 4, NOW)))
                .containsExactly("p1", "q1");
    }

    @Test
    void backfill_respects_the_fairness_cap() {
        List<QueuedWork> queue = List.of(
                Queued.task("p-head").project("p").priority(9).remaining(1_000).build(),
                Queued.task("p-a").project("p").priority(8).remaining(10).build(),
                Queued.task("p-b").project("p").priority(7).remaining(10).build(),
                Queued.task("p-c").project("p").priority(6).remaining(10).build(),
                Queued.task("q1").project("q").build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 100L, "q", 1_000L), RULES, 4, NOW);

        assertThat(ids(decision)).containsExactly("q1", "p-a", "p-b");
        assertThat(decision.skipped()).extracting(skip -> skip.work().id(), ResumeDecision.Skip::reason)
                .containsExactly(tuple("p-head", SkipReason.NO_TOKENS), tuple("p-c", SkipReason.FAIRNESS_CAP));
    }

    @Test
    void aged_tier_two_work_takes_the_only_slot_before_fresh_tier_one_work() {
        List<QueuedWork> queue = List.of(Queued.task("fresh").tier(1).build(),
                Queued.task("aged").tier(2).waited(Duration.ofHours(3)).build());

        assertThat(ids(ResumePlanner.plan(queue, Map.of("p", 10_000L), RULES, 1, NOW))).containsExactly("aged");
    }

    @Test
    void a_package_takes_one_slot_for_all_its_tasks() {
        List<QueuedWork> queue = List.of(Queued.pkg("package").remaining(5_000).build(), Queued.task("t").build());

        ResumeDecision decision = ResumePlanner.plan(queue, Map.of("p", 10_000L), RULES, 2, NOW);

        assertThat(ids(decision)).containsExactly("package", "t");
    }

    @Test
    void negative_slots_are_a_caller_error() {
        assertThatThrownBy(() -> ResumePlanner.plan(List.of(), Map.of(), RULES, -1, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(ResumeDecision decision) {
        return decision.work().stream().map(QueuedWork::id).toList();
    }
}
