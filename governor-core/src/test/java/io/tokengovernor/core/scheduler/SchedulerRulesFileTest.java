package io.tokengovernor.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerRulesFileTest {

    @Test
    void a_complete_file_gives_its_rules() {
        SchedulerRules rules = SchedulerRulesFile.read("{\"resumesPerMinute\":30,\"safetyFactor\":1.5,"
                + "\"agingHoursPerTier\":0.5,\"backfill\":false,\"maxProjectShare\":0.25,\"passIntervalSeconds\":5}");

        assertThat(rules).isEqualTo(new SchedulerRules(30, 1.5, 0.5, false, 0.25, 5));
    }

    @Test
    void absent_keys_take_their_defaults() {
        assertThat(SchedulerRulesFile.read("{\"resumesPerMinute\":20}"))
                .isEqualTo(new SchedulerRules(20, 1.2, 2, true, 0.5, 10));
        assertThat(SchedulerRulesFile.read("{}")).isEqualTo(SchedulerRules.DEFAULTS);
    }

    @Test
    void written_rules_read_back_the_same() {
        SchedulerRules rules = new SchedulerRules(7, 1.35, 1.5, false, 0.3, 42);

        assertThat(SchedulerRulesFile.read(SchedulerRulesFile.write(rules))).isEqualTo(rules);
    }

    @Test
    void whole_numbers_are_written_without_a_fraction() {
        assertThat(SchedulerRulesFile.write(SchedulerRules.DEFAULTS))
                .contains("\"agingHoursPerTier\": 2,").contains("\"safetyFactor\": 1.2,");
    }

    @Test
    void the_shipped_rules_file_holds_the_defaults() {
        assertThat(SchedulerRulesFile.read(SchedulerRulesFile.defaultJson())).isEqualTo(SchedulerRules.DEFAULTS);
        assertThat(SchedulerRulesFile.defaultJson()).isEqualTo(SchedulerRulesFile.write(SchedulerRules.DEFAULTS));
    }

    @Test
    void every_problem_is_reported_with_its_field_and_reason() {
        assertThat(problemsOf("{\"resumesPerMinute\":0,\"safetyFactor\":0.8,\"agingHoursPerTier\":-1,"
                + "\"maxProjectShare\":1.5,\"passIntervalSeconds\":0}"))
                .extracting(RuleProblem::field)
                .containsExactly("resumesPerMinute", "safetyFactor", "agingHoursPerTier", "maxProjectShare",
                        "passIntervalSeconds");
    }

    @Test
    void unknown_keys_are_refused_and_the_known_ones_named() {
        assertThat(problemsOf("{\"resumesPerMinute\":10,\"safteyFactor\":1.2}"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("safteyFactor");
                    assertThat(problem.message()).contains("unknown key").contains("safetyFactor");
                });
    }

    @Test
    void values_of_the_wrong_type_are_refused() {
        assertThat(problemsOf("{\"resumesPerMinute\":10.5,\"safetyFactor\":\"1.2\",\"backfill\":\"yes\","
                + "\"maxProjectShare\":null,\"passIntervalSeconds\":[10]}"))
                .extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(
                        tuple("resumesPerMinute", "must be a whole number, got 10.5"),
                        tuple("safetyFactor", "must be a number, got \"1.2\""),
                        tuple("backfill", "must be true or false, got \"yes\""),
                        tuple("maxProjectShare", "must be a number, got null"),
                        tuple("passIntervalSeconds", "must be a whole number, got a list"));
    }

    @Test
    void a_number_too_large_for_its_field_is_refused() {
        assertThat(problemsOf("{\"passIntervalSeconds\":99999999999}"))
                .extracting(RuleProblem::message).containsExactly("is too large, got 99999999999");
    }

    @Test
    void a_key_given_twice_is_refused() {
        assertThat(problemsOf("{\"safetyFactor\":1.2,\"safetyFactor\":2}"))
                .extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("safetyFactor", "appears more than once"));
    }

    @Test
    void a_file_that_is_not_a_json_object_is_refused_as_a_whole() {
        assertThat(problemsOf("[1,2]")).extracting(RuleProblem::field).containsExactly(RuleProblem.WHOLE_FILE);
        assertThat(problemsOf("")).extracting(RuleProblem::field).containsExactly(RuleProblem.WHOLE_FILE);
        assertThat(problemsOf("{\"backfill\":true")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid JSON at line 1"));
        assertThat(problemsOf("{} {}")).extracting(RuleProblem::message)
                .containsExactly("unexpected content after the rules object");
    }

    @Test
    void a_file_beyond_the_parsers_limits_is_refused_as_a_whole_not_failed_on() {
        String deep = "{\"nested\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        String longNumber = "{\"safetyFactor\":" + "7".repeat(100_000) + "}";

        assertThat(problemsOf(deep)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid JSON: "));
        assertThat(problemsOf(longNumber)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid JSON: "));
    }

    @Test
    void a_long_wrong_value_is_shown_cut_short() {
        assertThat(problemsOf("{\"backfill\":\"" + "x".repeat(300_000) + "\"}")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).hasSizeLessThan(120).endsWith("…\""));
    }

    private static List<RuleProblem> problemsOf(String json) {
        InvalidSchedulerRules refused = catchThrowableOfType(InvalidSchedulerRules.class,
                () -> SchedulerRulesFile.read(json));
        assertThat(refused).as("rules refused").isNotNull();
        return refused.problems();
    }

    @Test
    void the_refusal_message_lists_the_problems() {
        assertThatThrownBy(() -> SchedulerRulesFile.read("{\"safetyFactor\":0}"))
                .hasMessageContaining("safetyFactor: must be between 1 and 10");
    }
}
