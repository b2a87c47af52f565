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
