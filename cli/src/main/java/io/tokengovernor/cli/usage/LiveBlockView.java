package io.tokengovernor.cli.usage;

import io.tokengovernor.core.claudelog.LogFile;
import io.tokengovernor.core.claudelog.LogFolders;
import io.tokengovernor.core.claudelog.LogTail;
import io.tokengovernor.core.usage.BlockReport;
import io.tokengovernor.core.usage.BurnRate;
import io.tokengovernor.core.usage.DuplicateFilter;
import io.tokengovernor.core.usage.Projection;
import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.SessionBlock;
import io.tokengovernor.core.usage.UsageEntries;
import io.tokengovernor.core.usage.UsageLog;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Optional;

/**
 * {@code usage blocks --live}: redraws the active block every refresh. Each refresh reads only the
 * bytes the logs gained ({@link LogTail}) and feeds them through the same de-duplication as the
 * reports, so a long session costs the same per refresh as a short one.
 */
final class LiveBlockView {

    private static final String CLEAR = "\u001b[H\u001b[2J";
    private static final String HIDE_CURSOR = "\u001b[?25l";
    private static final String SHOW_CURSOR = "\u001b[?25h";
    private static final int BAR_WIDTH = 40;

    private final LogTail tail;
    private final ReportOptions options;
    private final double sessionHours;
    private final String tokenLimit;
    private final Clock clock;
    private final PrintWriter out;
    private final DuplicateFilter entries = Reading.ENTRIES.duplicateFilter();
    private final UsageLog.Pricing pricing;

    LiveBlockView(LogFolders folders, ReportOptions options, double sessionHours, String tokenLimit, Clock clock, PrintWriter out) {
        this.tail = new LogTail(folders, Reading.ENTRIES.parser());
        this.options = options;
        this.sessionHours = sessionHours;
        this.tokenLimit = tokenLimit;
        this.clock = clock;
        this.out = out;
        this.pricing = options.pricing();
    }

    /** Runs until interrupted (Ctrl-C ends the JVM; the hook gives the cursor back). */
    void run(long refreshMillis) {
        Thread restore = new Thread(() -> {
            out.print(SHOW_CURSOR);
            out.flush();
        });
        Runtime.getRuntime().addShutdownHook(restore);
        out.print(HIDE_CURSOR);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                refresh();
                out.print(CLEAR);
                out.print(frame());
                out.flush();
                Thread.sleep(refreshMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.print(SHOW_CURSOR);
            out.flush();
        }
    }

    /** Reads what was appended since the last refresh. */
    void refresh() {
        for (LogFile file : tail.poll()) {
            UsageEntries.of(file, pricing).forEach(entries::add);
        }
    }

    String frame() {
        BlockReport report = BlockReport.of(entries.entries(), options.query(DayOfWeek.SUNDAY), sessionHours,
                true, false, clock.millis());
        Optional<SessionBlock> active = report.active();
        StringBuilder text = new StringBuilder("TokenGovernor · live 5-hour block   (Ctrl-C to quit)\n\n");
        if (active.isEmpty()) {
            return text.append("No active block: no Claude usage in the last ")
                    .append(BlockTable.hoursAndMinutes((long) (sessionHours * BlockReport.HOUR))).append(".\n").toString();
        }
        SessionBlock block = active.get();
        long now = report.now();
        text.append(String.format("Block      %s → %s UTC%n", block.id().substring(11, 16), 
                io.tokengovernor.core.usage.Rfc3339.millis(block.end()).substring(11, 16)));
        text.append(String.format("Elapsed    %s   Remaining %s%n", BlockTable.hoursAndMinutes(now - block.start()),
                BlockTable.hoursAndMinutes(block.end() - now)));
        text.append(String.format("Tokens     %s   Cost %s%n", UsageTable.number(block.totalTokens()), UsageTable.money(block.cost())));
        BurnRate.of(block).ifPresent(rate -> text.append(String.format("Burn rate  %s tokens/min   %s/hour%n",
                UsageTable.number(Math.round(rate.tokensPerMinute())), UsageTable.money(rate.costPerHour()))));
        Optional<Projection> projection = Projection.of(block, now);
        projection.ifPresent(p -> text.append(String.format("Projected  %s tokens   %s at block end%n",
                UsageTable.number(p.totalTokens()), UsageTable.money(p.totalCost()))));
        report.tokenLimit(tokenLimit).ifPresent(limit -> {
            double share = limit == 0 ? 1.0 : (double) block.totalTokens() / limit;
            int filled = (int) Math.min(BAR_WIDTH, Math.round(share * BAR_WIDTH));
            text.append(String.format("Limit      [%s%s] %.1f%% of %s", "█".repeat(filled), "░".repeat(BAR_WIDTH - filled),
                    share * 100, UsageTable.number(limit)));
            projection.ifPresent(p -> text.append("  projected: ").append(BlockReport.limitStatus(p.totalTokens(), limit)));
            text.append('\n');
        });
        text.append("Models     ").append(String.join(", ", block.models())).append('\n');
        return text.toString();
    }
}
