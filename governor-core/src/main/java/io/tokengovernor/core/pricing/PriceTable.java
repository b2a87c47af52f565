package io.tokengovernor.core.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model prices, looked up by the model name Claude Code logged, as ccusage 20.0.24 looks them up offline.
 * The table ships inside the jar ({@code model-prices.json}, generated from ccusage's own tables by
 * {@code tools/ccusage-prices.mjs}; no network at run time); a newer LiteLLM-style file can be laid over it.
 * Lookups are exact first, then by {@link ModelKey} with the longest matching key winning; a name the
 * primary table (LiteLLM and ccusage's built-in prices) cannot price is looked up the same way in the
 * models.dev table, whose {@code exact} models match only their own name.
 */
public final class PriceTable {

    private static final String EMBEDDED = "model-prices.json";
    /** Codex labels that price sources publish under another name. */
    private static final Map<String, String> ALIASES = Map.of("gpt-5.3-spark", "gpt-5.3-codex-spark");

    private final Map<String, ModelPrice> prices;
    private final Map<String, ModelPrice> fallback;
    private final Set<String> exactOnly;
    private final Map<String, String> exactByNormalizedName;
    private final String version;
    // a report meets a handful of model names millions of times; the fuzzy search runs once per name
    private final Map<String, Optional<ModelPrice>> resolved = new ConcurrentHashMap<>();

    private PriceTable(Map<String, ModelPrice> prices, Map<String, ModelPrice> fallback, Set<String> exactOnly,
                       String version) {
        this.prices = prices;
        this.fallback = fallback;
        this.exactOnly = exactOnly;
        this.exactByNormalizedName = byNormalizedName(exactOnly);
        this.version = version;
    }

    public static PriceTable embedded() {
        try (InputStream in = PriceTable.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("the price table " + EMBEDDED + " is missing from the jar");
            }
            Map<String, ModelPrice> prices = new HashMap<>();
            Map<String, ModelPrice> fallback = new HashMap<>();
            Set<String> exactOnly = new HashSet<>();
            String version = PriceFile.read(in, prices, fallback, exactOnly);
            return new PriceTable(prices, fallback, exactOnly, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded price table", e);
        }
    }

    /** This table with the models of {@code file} added or replaced (LiteLLM's or this table's format). */
    public PriceTable overlaidWith(Path file) {
        Map<String, ModelPrice> merged = new HashMap<>(prices);
        try (InputStream in = Files.newInputStream(file)) {
            PriceFile.overlay(in, merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price file " + file, e);
        }
        return new PriceTable(merged, fallback, exactOnly, version + "+" + file.getFileName());
    }

    public Optional<ModelPrice> find(String model) {
        return resolved.computeIfAbsent(model, this::resolve);
    }

    public String version() {
        return version;
    }

    /** The primary table (LiteLLM's snapshot and ccusage's built-in prices). */
    public Map<String, ModelPrice> models() {
        return Collections.unmodifiableMap(prices);
    }

    /** The models.dev table, for names the primary table cannot price. */
    public Map<String, ModelPrice> fallbackModels() {
        return Collections.unmodifiableMap(fallback);
    }

    private Optional<ModelPrice> resolve(String model) {
        // a models.dev name marked exact (dots and at-signs read as dashes) wins over a fuzzy match in the primary table
        ModelPrice exact = prices.containsKey(model) ? prices.get(model) : exactFallback(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        Optional<ModelPrice> price = findEntryOrAlias(prices, Set.of(), model);
        if (price.isEmpty()) {
            price = findEntryOrAlias(fallback, exactOnly, model);
        }
        return price;
    }

    private ModelPrice exactFallback(String model) {
        if (exactOnly.contains(model)) {
            return fallback.get(model);
        }
        String key = exactByNormalizedName.get(ModelKey.normalized(model));
        return key != null ? fallback.get(key) : null;
    }

    private static Map<String, String> byNormalizedName(Set<String> keys) {
        Map<String, String> names = new HashMap<>();
        for (String key : keys) {
            names.merge(ModelKey.normalized(key), key, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return names;
    }

    private static Optional<ModelPrice> findEntryOrAlias(Map<String, ModelPrice> table, Set<String> exactOnly,
                                                         String model) {
        Optional<ModelPrice> price = findEntry(table, exactOnly, model);
        if (price.isEmpty() && ALIASES.containsKey(model)) {
            price = findEntry(table, exactOnly, ALIASES.get(model));
        }
        return price;
    }

    private static Optional<ModelPrice> findEntry(Map<String, ModelPrice> table, Set<String> exactOnly, String model) {
        ModelPrice exact = table.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String normalizedModel = ModelKey.normalized(model);
        String best = null;
        for (String key : table.keySet()) {
            if (!exactOnly.contains(key) && ModelKey.matches(key, model, normalizedModel) && isBetter(key, best)) {
                best = key;
            }
        }
        return Optional.ofNullable(best).map(table::get);
    }

    /** Longest key first; among equally long keys the smallest in byte order, so the choice never depends on map order. */
    private static boolean isBetter(String key, String best) {
        if (best == null || key.length() != best.length()) {
            return best == null || key.length() > best.length();
        }
        return key.compareTo(best) < 0;
    }
}
