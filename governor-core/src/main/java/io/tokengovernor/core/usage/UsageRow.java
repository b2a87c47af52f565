package io.tokengovernor.core.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of a usage report (a day, week, month or session) and the tally that builds it. Costs are
 * added in the order entries arrive, as ccusage adds them, so totals agree to the last digit.
 */
public final class UsageRow {

    private final String key;
    long inputTokens;
    long outputTokens;
    long cacheCreationTokens;
    long cacheReadTokens;
    double totalCost;
    private final Set<String> modelsUsed = new LinkedHashSet<>();
    private final List<ModelUsage> breakdowns = new ArrayList<>();
    private final Map<String, ModelUsage> byModel = new HashMap<>();
    // sessions only
    long firstActivity = Long.MAX_VALUE;
    long lastActivity = Long.MIN_VALUE;
    String sessionId;
    String projectPath;

    UsageRow(String key) {
        this.key = key;
    }

    void add(UsageEntry entry) {
        var line = entry.line();
        inputTokens += line.inputTokens();
        outputTokens += line.outputTokens();
        cacheCreationTokens += line.cacheCreationTokens();
        cacheReadTokens += line.cacheReadTokens();
        totalCost += entry.cost();
        if (entry.model() != null) {
            ModelUsage model = model(entry.model());
            model.inputTokens += line.inputTokens();
            model.outputTokens += line.outputTokens();
            model.cacheCreationTokens += line.cacheCreationTokens();
            model.cacheReadTokens += line.cacheReadTokens();
            model.cost += entry.cost();
            model.unpriced |= entry.unpricedModel() != null;
        }
    }

    /** Adds a finished row (a day into its week or month). */
    void add(UsageRow day) {
        inputTokens += day.inputTokens;
        outputTokens += day.outputTokens;
        cacheCreationTokens += day.cacheCreationTokens;
        cacheReadTokens += day.cacheReadTokens;
        totalCost += day.totalCost;
        modelsUsed.addAll(day.modelsUsed);
        for (ModelUsage usage : day.breakdowns) {
            ModelUsage model = byModel.get(usage.modelName());
            if (model == null) {
                model = new ModelUsage(usage.modelName());
                byModel.put(usage.modelName(), model);
                breakdowns.add(model);
            }
            model.add(usage);
        }
    }

    private ModelUsage model(String name) {
        ModelUsage model = byModel.get(name);
        if (model == null) {
            model = new ModelUsage(name);
            byModel.put(name, model);
            breakdowns.add(model);
            modelsUsed.add(name);
        }
        return model;
    }

    /** Most expensive model first; equal costs keep first-seen order. */
    UsageRow finish() {
        breakdowns.sort(Comparator.comparingDouble(ModelUsage::cost).reversed());
        return this;
    }

    /** The date, week start, month or session id. */
    public String key() {
        return key;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheCreationTokens() {
        return cacheCreationTokens;
    }

    public long cacheReadTokens() {
        return cacheReadTokens;
    }

    public long totalTokens() {
        return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
    }

    public double totalCost() {
        return totalCost;
    }

    public List<String> modelsUsed() {
        return List.copyOf(modelsUsed);
    }

    public List<ModelUsage> modelBreakdowns() {
        return breakdowns;
    }

    public String sessionId() {
        return sessionId;
    }

    public String projectPath() {
        return projectPath;
    }

    public long firstActivity() {
        return firstActivity;
    }

    public long lastActivity() {
        return lastActivity;
    }
}
