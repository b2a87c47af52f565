package io.tokengovernor.cli.usage;

import io.tokengovernor.core.pricing.PriceTable;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Model names beyond the Claude ones for {@link RandomLogCorpus}: every model of the shipped price table
 * (LiteLLM's, ccusage's built-in and models.dev's), as logged or as a provider, date, version or region
 * would spell it, so that the differential test proves costs equal on names that are found exactly, by
 * fuzzy match, in the fallback table, with a context tier, or not at all.
 */
final class PriceCatalog {

    /**
     * OpenAI's models, which ccusage 20.0.24 prices with Codex-specific rules that token-gov does not
     * follow yet (a fast multiplier by name for regional and dated spellings, dated names that take
     * another model's context tier, the DeepSeek V4 aliases); left out here and named in cli/README.md.
     */
    private static final Predicate<String> NOT_FOLLOWED =
            Pattern.compile("gpt|codex|openai|azure|(^|[/.-])o[134]([-.:@]|$)|deepseek-v4").asPredicate();
    private static final List<String> NAMES = names();

    private PriceCatalog() {
    }

    static String drawn(Random random) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        return switch (random.nextInt(8)) {
            case 0 -> "vendor/" + name;
            case 1 -> name + "-20250101";
            case 2 -> name.replace('.', '-');
            case 3 -> name + "-beta";
            case 4 -> name + "@eu";
            default -> name;
        };
    }

    private static List<String> names() {
        PriceTable table = PriceTable.embedded();
        TreeSet<String> names = new TreeSet<>(table.models().keySet());
        names.addAll(table.fallbackModels().keySet());
        names.removeIf(NOT_FOLLOWED);
        return List.copyOf(names);
    }
}
