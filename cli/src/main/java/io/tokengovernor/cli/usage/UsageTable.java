package io.tokengovernor.cli.usage;

import io.tokengovernor.core.usage.ModelUsage;
import io.tokengovernor.core.usage.UsageReport;
import io.tokengovernor.core.usage.UsageRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The human-readable form of a daily, weekly, monthly or session report, with a totals row. */
final class UsageTable {

    private static final String[] COLUMNS = {"", "Models", "Input", "Output", "Cache Create", "Cache Read", "Total Tokens", "Cost (USD)"};
    private static final boolean[] NUMERIC = {false, false, true, true, true, true, true, true};
    private static final Pattern DATE_SUFFIX = Pattern.compile("[-@]\\d{8}$");

    private UsageTable() {
    }

    static void print(UsageReport report, String title, String keyColumn, boolean breakdown, PrintWriter out, PrintWriter err) {
        Colors colors = Colors.forTerminal(System.getenv());
        if (report.rows().isEmpty()) {
            out.println("No Claude usage data found.");
            return;
        }
        out.println();
        out.println(colors.bold(title));
        out.println();
        String[] header = COLUMNS.clone();
        header[0] = keyColumn;
        BoxTable table = new BoxTable(header, NUMERIC);
        for (UsageRow row : report.rows()) {
            table.row(row.key(), models(row.modelsUsed()), number(row.inputTokens()), number(row.outputTokens()),
                    number(row.cacheCreationTokens()), number(row.cacheReadTokens()), number(row.totalTokens()),
                    money(row.totalCost()));
            if (breakdown) {
                for (ModelUsage model : row.modelBreakdowns()) {
                    table.row("  └─", shortName(model.modelName()), number(model.inputTokens()),
                            number(model.outputTokens()), number(model.cacheCreationTokens()),
                            number(model.cacheReadTokens()),
                            number(model.inputTokens() + model.outputTokens() + model.cacheCreationTokens() + model.cacheReadTokens()),
                            money(model.cost()));
                }
            }
        }
        table.totalRow("Total", "", number(report.inputTokens()), number(report.outputTokens()),
                number(report.cacheCreationTokens()), number(report.cacheReadTokens()), number(report.totalTokens()),
                money(report.totalCost()));
        table.print(out, colors);
        for (String model : report.unpricedModels()) {
            err.println("WARN  No price for " + model + "; its cost is counted as 0. Supply a newer table with --pricing FILE.");
        }
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String money(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** "claude-opus-4-1-20250805" and "anthropic/claude-opus-4-1@20250805" read better as "opus-4-1" in a narrow column. */
    static String shortName(String model) {
        String name = model.substring(model.lastIndexOf('/') + 1);
        name = name.startsWith("claude-") ? name.substring("claude-".length()) : name;
        return DATE_SUFFIX.matcher(name).replaceFirst("");
    }

    private static String models(List<String> models) {
        return models.stream().map(UsageTable::shortName).distinct().sorted()
                .map(name -> "- " + name).collect(Collectors.joining("\n"));
    }

}
