package io.tokengovernor.core.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model prices, looked up by the model name Claude Code logged. The table ships inside the jar
 * ({@code model-prices.json}, no network at run time); a newer LiteLLM-style file can be laid over it.
 * Lookups are exact first, then by {@link ModelKey} with the longest matching key winning.
 */
public final class PriceTable {

    private static final String EMBEDDED = "model-prices.json";
    /** Codex labels that price sources publish under another name. */
    private static final Map<String, String> ALIASES = Map.of("gpt-5.3-spark", "gpt-5.3-codex-spark");

    private final Map<String, ModelPrice> prices;
    private final String version;
    // a report meets a handful of model names millions of times; the fuzzy search runs once per name
    private final Map<String, Optional<ModelPrice>> resolved = new ConcurrentHashMap<>();

    private PriceTable(Map<String, ModelPrice> prices, String version) {
        this.prices = prices;
        this.version = version;
    }

    public static PriceTable embedded() {
        try (InputStream in = PriceTable.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException("the price table " + EMBEDDED + " is missing from the jar");
            }
            Map<String, ModelPrice> prices = new HashMap<>();
            String version = PriceFile.read(in, prices);
            return new PriceTable(prices, version);
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
        return new PriceTable(merged, version + "+" + file.getFileName());
    }

    public Optional<ModelPrice> find(String model) {
        return resolved.computeIfAbsent(model, this::resolve);
    }

    public String version() {
        return version;
    }

    public Map<String, ModelPrice> models() {
        return Collections.unmodifiableMap(prices);
    }

    private Optional<ModelPrice> resolve(String model) {
        Optional<ModelPrice> price = findEntry(model);
        if (price.isEmpty() && ALIASES.containsKey(model)) {
            price = findEntry(ALIASES.get(model));
        }
        return price;
    }

    private Optional<ModelPrice> findEntry(String model) {
        ModelPrice exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String normalizedModel = ModelKey.normalized(model);
        String best = null;
        for (String key : prices.keySet()) {
            if (ModelKey.matches(key, model, normalizedModel) && isBetter(key, best)) {
                best = key;
            }
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    /** Longest key first; among equally long keys the smallest in byte order, so the choice never depends on map order. */
    private static boolean isBetter(String key, String best) {
        if (best == null || key.length() != best.length()) {
            return best == null || key.length() > best.length();
        }
        return key.compareTo(best) < 0;
    }
}
