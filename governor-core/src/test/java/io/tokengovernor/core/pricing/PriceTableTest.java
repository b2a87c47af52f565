package io.tokengovernor.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

    private static final PriceTable TABLE = PriceTable.embedded();

    @Test
    void everyModelOfTheShippedTableHasUsablePrices() {
        assertThat(TABLE.models()).hasSizeGreaterThan(500);
        assertThat(TABLE.version()).contains("20.0.24");
        for (Map.Entry<String, ModelPrice> model : TABLE.models().entrySet()) {
            ModelPrice price = model.getValue();
            assertThat(java.util.List.of(price.input(), price.output(), price.cacheWrite(), price.cacheRead()))
                    .as(model.getKey()).allMatch(value -> value >= 0 && !Double.isNaN(value));
            assertThat(price.fastMultiplier()).as(model.getKey()).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void sonnet4CostsItsPublishedPricesWithTheTierAbove200k() {
        ModelPrice sonnet = TABLE.find("claude-sonnet-4").orElseThrow();

        assertThat(sonnet.cost(1_000_000, 0, 0, 0, 0, false)).isCloseTo(200_000 * 3e-6 + 800_000 * 6e-6, within(1e-9));
        assertThat(sonnet.cost(0, 1_000, 0, 0, 0, false)).isCloseTo(0.015, within(1e-12));
        assertThat(sonnet.cost(0, 0, 0, 1_000, 0, false)).as("1-hour cache writes at twice the input price")
                .isCloseTo(0.006, within(1e-12));
    }

    @Test
    void fastModeMultipliesOpus46() {
        ModelPrice opus = TABLE.find("claude-opus-4-6").orElseThrow();

        assertThat(opus.cost(1_000, 0, 0, 0, 0, true)).isCloseTo(6 * opus.cost(1_000, 0, 0, 0, 0, false), within(1e-12));
    }

    @Test
    void providerPrefixesDatesAndDotsStillFindTheModel() {
        assertThat(TABLE.find("anthropic/claude-sonnet-4-5@20250929")).isPresent();
        assertThat(TABLE.find("claude-opus-4.7")).contains(TABLE.find("claude-opus-4-7").orElseThrow());
        assertThat(TABLE.find("claude-haiku-4-5-20990101")).contains(TABLE.find("claude-haiku-4-5").orElseThrow());
    }

    @Test
    void aTrailingVersionNumberIsAnotherModel() {
        assertThat(ModelKey.matches("claude-opus-4", "claude-opus-4-9", "claude-opus-4-9")).isFalse();
        assertThat(ModelKey.matches("claude-opus-4", "claude-opus-4-20250514", "claude-opus-4-20250514")).isTrue();
        assertThat(TABLE.find("acme-model-x1")).isEmpty();
    }

    @Test
    void aModelOnlyModelsDevKnowsIsPricedFromTheFallbackTable() {
        ModelPrice minimax = TABLE.find("MiniMax-M3").orElseThrow();

        assertThat(TABLE.models()).doesNotContainKey("MiniMax-M3");
        assertThat(minimax.cost(1_000, 1_000, 0, 0, 0, false)).isCloseTo(1_000 * 0.3e-6 + 1_000 * 1.2e-6, within(1e-15));
        assertThat(TABLE.find("vendor/MiniMax-M3")).as("fuzzy, as in the primary table").contains(minimax);
    }

    @Test
    void aContextTierPricesAllOfALongPromptHigherNotOnlyThePartAbove() {
        ModelPrice minimax = TABLE.find("MiniMax-M3").orElseThrow(); // above 512,000 tokens: 0.6 / 2.4 / read 0.12

        assertThat(minimax.cost(512_000, 1_000, 0, 0, 0, false)).isCloseTo(512_000 * 0.3e-6 + 1_000 * 1.2e-6, within(1e-12));
        assertThat(minimax.cost(100_000, 1_000, 200_000, 0, 300_000, false)).as("input + cache writes + reads = 600,000")
                .isCloseTo(100_000 * 0.6e-6 + 1_000 * 2.4e-6 + 200_000 * 0.375e-6 + 300_000 * 0.12e-6, within(1e-12));
        assertThat(TABLE.find("gpt-5.6").orElseThrow().cost(300_000, 0, 0, 0, 0, false))
                .as("a primary model takes models.dev's tier for its own name").isCloseTo(300_000 * 8e-6, within(1e-12));
    }

    @Test
    void anExactOnlyNameIsNotMatchedFuzzilyButWinsOverAFuzzyMatch() {
        assertThat(TABLE.find("MiniMax-M2.1")).isPresent();
        assertThat(TABLE.find("x/MiniMax-M2.1")).isEmpty();
        assertThat(TABLE.find("claude-fable-5-1@eu")).as("dots and dashes alike")
                .contains(TABLE.find("claude-fable-5.1@eu").orElseThrow());
        assertThat(TABLE.find("claude-sonnet-4-5@eu").orElseThrow().input())
                .as("the regional price, not claude-sonnet-4-5's").isCloseTo(3.3e-6, within(1e-15));
    }

    @Test
    void aUserFileAddsAndReplacesModels(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("prices.json");
        Files.writeString(file, "{\"claude-sonnet-4\":{\"input_cost_per_token\":1e-6,\"output_cost_per_token\":2e-6},"
                + "\"acme-model-x1\":{\"input_cost_per_token\":4e-6,\"output_cost_per_token\":8e-6},\"sample_spec\":{\"mode\":\"chat\"}}");

        PriceTable overlaid = TABLE.overlaidWith(file);

        assertThat(overlaid.find("claude-sonnet-4").orElseThrow().input()).isEqualTo(1e-6);
        assertThat(overlaid.find("acme-model-x1").orElseThrow().cacheWrite()).isEqualTo(4e-6 * 1.25);
        assertThat(TABLE.find("acme-model-x1")).isEmpty();
    }
}
