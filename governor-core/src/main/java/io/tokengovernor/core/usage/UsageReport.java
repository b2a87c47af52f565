package io.tokengovernor.core.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The rows of a daily, weekly, monthly or session report and their totals, in output order. */
public record UsageReport(Kind kind, List<UsageRow> rows) {

    /** The report's name, which is also its JSON key. */
    public enum Kind {
        DAILY("daily", "date"), WEEKLY("weekly", "week"), MONTHLY("monthly", "month"), SESSION("sessions", "sessionId");

        private final String jsonKey;
        private final String rowKey;

        Kind(String jsonKey, String rowKey) {
            this.jsonKey = jsonKey;
            this.rowKey = rowKey;
        }

        public String jsonKey() {
            return jsonKey;
        }

        public String rowKey() {
            return rowKey;
        }
    }

    static UsageReport sortedByKey(Kind kind, List<UsageRow> rows, boolean descending) {
        List<UsageRow> sorted = new ArrayList<>(rows);
        Comparator<UsageRow> byKey = Comparator.comparing(UsageRow::key);
        sorted.sort(descending ? byKey.reversed() : byKey);
        return new UsageReport(kind, sorted);
    }

    public long inputTokens() {
        return rows.stream().mapToLong(UsageRow::inputTokens).sum();
    }

    public long outputTokens() {
        return rows.stream().mapToLong(UsageRow::outputTokens).sum();
    }

    public long cacheCreationTokens() {
        return rows.stream().mapToLong(UsageRow::cacheCreationTokens).sum();
    }

    public long cacheReadTokens() {
        return rows.stream().mapToLong(UsageRow::cacheReadTokens).sum();
    }

    public long totalTokens() {
        return inputTokens() + outputTokens() + cacheCreationTokens() + cacheReadTokens();
    }

    /**
     * Summed row by row in output order, as ccusage does (a plain loop, not a compensated sum),
     * starting from -0.0 like Rust's float sum: an empty report costs {@code -0.0} there, and here.
     */
    public double totalCost() {
        double total = -0.0;
        for (UsageRow row : rows) {
            total += row.totalCost();
        }
        return total;
    }

    /** Models whose cost had to be calculated but that have no price, sorted. */
    public Set<String> unpricedModels() {
        Set<String> models = new TreeSet<>();
        for (UsageRow row : rows) {
            for (ModelUsage model : row.modelBreakdowns()) {
                if (model.unpriced()) {
                    models.add(model.modelName());
                }
            }
        }
        return models;
    }
}
