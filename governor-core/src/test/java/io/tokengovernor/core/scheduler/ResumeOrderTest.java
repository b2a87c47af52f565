package io.tokengovernor.core.scheduler;

import static io.tokengovernor.core.scheduler.Queued.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResumeOrderTest {

    private final SchedulerRules rules = SchedulerRules.DEFAULTS;

    @Test
    void tier_one_work_goes_before_tier_two_work() {
        QueuedWork low = Queued.task("low").tier(2).priority(9).waited(Duration.ofMinutes(30)).build();
        QueuedWork high = Queued.task("high").tier(1).build();

        assertThat(ids(List.of(low, high))).containsExactly("high", "low");
    }

    @Test
    void tier_two_work_that_waited_the_aging_hours_is_ordered_as_tier_one() {
        QueuedWork aged = Queued.task("aged").tier(2).priority(5).waited(Duration.ofHours(2)).build();
        QueuedWork fresh = Queued.task("fresh").tier(1).priority(1).build();

        assertThat(ResumeOrder.effectiveTier(aged, NOW, rules)).isEqualTo(1);
        assertThat(ids(List.of(fresh, aged))).containsExactly("aged", "fresh");
    }

    @Test
    void tier_two_work_just_short_of_the_aging_hours_keeps_its_tier() {
        QueuedWork waiting = Queued.task("waiting").tier(2).waited(Duration.ofHours(2).minusSeconds(1)).build();

        assertThat(ResumeOrder.effectiveTier(waiting, NOW, rules)).isEqualTo(2);
    }

    @Test
    void within_a_tier_the_earliest_package_deadline_goes_first_and_work_without_one_last() {
        QueuedWork none = Queued.task("none").priority(9).build();
        QueuedWork later = Queued.task("later").deadline("2026-12-05T00:00:00Z").build();
        QueuedWork sooner = Queued.pkg("sooner").deadline("2026-12-01T00:00:00Z").build();

        assertThat(ids(List.of(none, later, sooner))).containsExactly("sooner", "later", "none");
    }

    @Test
    void with_equal_deadlines_higher_priority_goes_first() {
        QueuedWork low = Queued.task("low").priority(1).waited(Duration.ofHours(1)).build();
        QueuedWork high = Queued.task("high").priority(3).build();

        assertThat(ids(List.of(low, high))).containsExactly("high", "low");
    }

    @Test
    void with_equal_priority_the_work_that_waited_longer_goes_first() {
        QueuedWork recent = Queued.task("a-recent").waited(Duration.ofMinutes(1)).build();
        QueuedWork old = Queued.task("b-old").waited(Duration.ofMinutes(10)).build();

        assertThat(ids(List.of(recent, old))).containsExactly("b-old", "a-recent");
    }

    @Test
    void otherwise_equal_work_is_ordered_by_id_whatever_the_input_order() {
        QueuedWork b = Queued.task("b").build();
        QueuedWork a = Queued.task("a").build();

        assertThat(ids(List.of(b, a))).containsExactly("a", "b");
        assertThat(ids(List.of(a, b))).containsExactly("a", "b");
    }

    @Test
    void sorting_a_queue_agrees_with_the_comparator() {
        Random random = new Random(42);
        List<QueuedWork> queue = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Queued work = Queued.task("t" + random.nextInt(500)).project("p" + random.nextInt(3))
                    .tier(1 + random.nextInt(2)).priority(random.nextInt(3))
                    .waited(Duration.ofMinutes(random.nextInt(300)).plusNanos(random.nextInt(2)));
            if (random.nextBoolean()) {
                work.deadline("2026-12-0" + (1 + random.nextInt(3)) + "T00:00:00Z");
            }
            queue.add(work.build());
        }
        List<QueuedWork> expected = new ArrayList<>(queue);
        expected.sort(ResumeOrder.at(NOW, rules));

        assertThat(ResumeOrder.sort(queue, NOW, rules)).containsExactlyElementsOf(expected);
    }

    private List<String> ids(List<QueuedWork> queue) {
        return ResumeOrder.sort(queue, NOW, rules).stream().map(QueuedWork::id).toList();
    }
}
