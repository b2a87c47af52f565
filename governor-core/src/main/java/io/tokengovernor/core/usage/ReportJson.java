package io.tokengovernor.core.usage;

import io.tokengovernor.core.json.PrettyJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON documents of the reports, shaped as ccusage 20 prints them: keys in alphabetical order,
 * {@code missingPricing} only where true, {@code unpricedModels} only when there are some.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static String of(UsageReport report) {
        List<Object> rows = new ArrayList<>();
        for (UsageRow row : report.rows()) {
            rows.add(row(report.kind(), row));
        }
        Map<String, Object> document = new TreeMap<>();
        document.put(report.kind().jsonKey(), rows);
        document.put("totals", totals(report));
        return PrettyJson.write(document);
    }

    /**
     * {@code daily --instances}: each project's daily rows (with a {@code project} key) under
     * {@code projects}, by project name, and the totals of all of them; with no usage, the plain document.
     */
    public static String instances(Map<String, UsageReport> projects, UsageReport all, boolean descending) {
        if (projects.isEmpty()) {
            return of(all);
        }
        Map<String, Object> byProject = new TreeMap<>();
        List<UsageRow> allRows = new ArrayList<>();
        new TreeMap<>(projects).forEach((name, report) -> {
            allRows.addAll(report.rows());
            List<Object> rows = new ArrayList<>();
            for (UsageRow row : report.rows()) {
                Map<String, Object> json = row(report.kind(), row);
                json.put("project", name);
                rows.add(json);
            }
            byProject.put(name, rows);
        });
        Map<String, Object> document = new TreeMap<>();
        document.put("projects", byProject);
        // ccusage adds the rows up day by day in the report's order, the projects of one day in name order
        Comparator<UsageRow> byDay = Comparator.comparing(UsageRow::key);
        allRows.sort(descending ? byDay.reversed() : byDay);
        document.put("totals", totals(new UsageReport(all.kind(), allRows)));
        return PrettyJson.write(document);
    }

    /** {@code daily --project P}: the daily document, each row naming the project. */
    public static String ofProject(UsageReport report, String project) {
        List<Object> rows = new ArrayList<>();
        for (UsageRow row : report.rows()) {
            Map<String, Object> json = row(report.kind(), row);
            json.put("project", project);
            rows.add(json);
        }
        Map<String, Object> document = new TreeMap<>();
        document.put(report.kind().jsonKey(), rows);
        document.put("totals", totals(report));
        return PrettyJson.write(document);
    }

    public static String of(BlockReport report, String tokenLimit) {
        List<Object> blocks = new ArrayList<>();
        for (SessionBlock block : report.blocks()) {
            blocks.add(block(block, report, tokenLimit));
        }
        return PrettyJson.write(Map.of("blocks", blocks));
    }

    private static Map<String, Object> row(UsageReport.Kind kind, UsageRow row) {
        Map<String, Object> json = counts(row.inputTokens(), row.outputTokens(), row.cacheCreationTokens(), row.cacheReadTokens());
        json.put("totalCost", row.totalCost());
        json.put("modelsUsed", row.modelsUsed());
        List<Object> breakdowns = new ArrayList<>();
        for (ModelUsage model : row.modelBreakdowns()) {
            Map<String, Object> item = new TreeMap<>();
            item.put("modelName", model.modelName());
            item.put("inputTokens", model.inputTokens());
            item.put("outputTokens", model.outputTokens());
            item.put("cacheCreationTokens", model.cacheCreationTokens());
            item.put("cacheReadTokens", model.cacheReadTokens());
            item.put("cost", model.cost());
            if (model.unpriced()) {
                item.put("missingPricing", true);
            }
            breakdowns.add(item);
        }
        json.put("modelBreakdowns", breakdowns);
        if (kind == UsageReport.Kind.SESSION) {
            json.put("sessionId", row.sessionId());
            json.put("projectPath", row.projectPath());
            json.put("firstActivity", Rfc3339.millis(row.firstActivity()));
            json.put("lastActivity", Rfc3339.millis(row.lastActivity()));
        } else {
            json.put(kind.rowKey(), row.key());
        }
        return json;
    }

    private static Map<String, Object> totals(UsageReport report) {
        Map<String, Object> json = counts(report.inputTokens(), report.outputTokens(),
                report.cacheCreationTokens(), report.cacheReadTokens());
        json.put("totalCost", report.totalCost());
        if (!report.unpricedModels().isEmpty()) {
            json.put("unpricedModels", new ArrayList<>(report.unpricedModels()));
        }
        return json;
    }

    private static Map<String, Object> counts(long input, long output, long cacheCreation, long cacheRead) {
        Map<String, Object> json = new TreeMap<>();
        json.put("inputTokens", input);
        json.put("outputTokens", output);
        json.put("cacheCreationTokens", cacheCreation);
        json.put("cacheReadTokens", cacheRead);
        json.put("totalTokens", input + output + cacheCreation + cacheRead);
        return json;
    }

    private static Map<String, Object> block(SessionBlock block, BlockReport report, String tokenLimit) {
        Optional<BurnRate> burnRate = block.isActive() ? BurnRate.of(block) : Optional.empty();
        Optional<Projection> projection = Projection.of(block, report.now());
        Map<String, Object> json = new TreeMap<>();
        json.put("id", block.id());
        json.put("startTime", Rfc3339.millis(block.start()));
        json.put("endTime", Rfc3339.millis(block.end()));
        json.put("actualEndTime", block.isGap() ? null : Rfc3339.millis(block.actualEnd()));
        json.put("isActive", block.isActive());
        json.put("isGap", block.isGap());
        json.put("entries", block.entries().size());
        Map<String, Object> tokens = new TreeMap<>();
        tokens.put("inputTokens", block.inputTokens());
        tokens.put("outputTokens", block.outputTokens());
        tokens.put("cacheCreationInputTokens", block.cacheCreationTokens());
        tokens.put("cacheReadInputTokens", block.cacheReadTokens());
        json.put("tokenCounts", tokens);
        json.put("totalTokens", block.totalTokens());
        json.put("costUSD", new PrettyJson.WholeNumber(block.cost()));
        json.put("models", block.models());
        json.put("burnRate", burnRate.map(ReportJson::burnRate).orElse(null));
        json.put("projection", projection.map(ReportJson::projection).orElse(null));
        projection.ifPresent(p -> report.tokenLimit(tokenLimit).ifPresent(limit -> {
            Map<String, Object> status = new TreeMap<>();
            status.put("limit", limit);
            status.put("projectedUsage", p.totalTokens());
            status.put("percentUsed", (double) p.totalTokens() / limit * 100.0);
            status.put("status", BlockReport.limitStatus(p.totalTokens(), limit));
            json.put("tokenLimitStatus", status);
        }));
        if (block.usageLimitReset() != 0) {
            json.put("usageLimitResetTime", Rfc3339.millis(block.usageLimitReset()));
        }
        return json;
    }

    private static Map<String, Object> burnRate(BurnRate rate) {
        Map<String, Object> json = new TreeMap<>();
        json.put("tokensPerMinute", rate.tokensPerMinute());
        json.put("tokensPerMinuteForIndicator", rate.tokensPerMinuteForIndicator());
        json.put("costPerHour", rate.costPerHour());
        return json;
    }

    private static Map<String, Object> projection(Projection projection) {
        Map<String, Object> json = new TreeMap<>();
        json.put("totalTokens", projection.totalTokens());
        json.put("totalCost", projection.totalCost());
        json.put("remainingMinutes", projection.remainingMinutes());
        return json;
    }
}
