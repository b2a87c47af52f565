package io.tokengovernor.cli.usage;

import io.tokengovernor.core.usage.BlockReport;
import io.tokengovernor.core.usage.Projection;
import io.tokengovernor.core.usage.SessionBlock;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The human-readable form of {@code usage blocks}. */
final class BlockTable {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] COLUMNS = {"Block Start", "Duration/Status", "Models", "Tokens", "%", "Cost"};
    private static final boolean[] NUMERIC = {false, false, false, true, true, true};

    private BlockTable() {
    }

    static void print(BlockReport report, String tokenLimit, PrintWriter out) {
        if (report.blocks().isEmpty()) {
            out.println("No Claude usage data found.");
            return;
        }
        Colors colors = Colors.forTerminal(System.getenv());
        Optional<Long> limit = report.tokenLimit(tokenLimit);
        out.println();
        out.println(colors.bold("Claude Code Token Usage Report - Session Blocks"));
        out.println();
        BoxTable table = new BoxTable(COLUMNS, NUMERIC);
        for (SessionBlock block : report.blocks()) {
            String start = START.format(Instant.ofEpochMilli(block.start()).atZone(ZoneId.systemDefault()));
            if (block.isGap()) {
                table.row(colors.gray(start), colors.gray("(" + (block.end() - block.start()) / BlockReport.HOUR + "h gap)"),
                        "-", "-", "-", "-");
                continue;
            }
            String percent = limit.map(l -> String.format("%.1f%%", 100.0 * block.totalTokens() / l)).orElse("-");
            String status = block.isActive()
                    ? colors.green("ACTIVE, " + minutesLeft(block, report.now()))
                    : hoursAndMinutes(block.actualEnd() - block.start());
            table.row(start, status, String.join("\n", block.models().stream().map(UsageTable::shortName).toList()),
                    UsageTable.number(block.totalTokens()), percent, UsageTable.money(block.cost()));
            if (block.isActive()) {
                Projection.of(block, report.now()).ifPresent(p -> table.row("", "PROJECTED", "",
                        UsageTable.number(p.totalTokens()),
                        limit.map(l -> String.format("%.1f%%", 100.0 * p.totalTokens() / l)).orElse("-"),
                        UsageTable.money(p.totalCost())));
            }
        }
        table.print(out, colors);
    }

    static String minutesLeft(SessionBlock block, long now) {
        return hoursAndMinutes(block.end() - now) + " left";
    }

    static String hoursAndMinutes(long millis) {
        long minutes = Math.max(0, millis / 60_000);
        return minutes >= 60 ? (minutes / 60) + "h " + (minutes % 60) + "m" : minutes + "m";
    }
}
