package io.tokengovernor.cli.usage;

import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.ReportJson;
import io.tokengovernor.core.usage.UsageLog;
import io.tokengovernor.core.usage.UsageReport;
import io.tokengovernor.core.usage.UsageReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "daily", description = "Usage grouped by day (like 'ccusage claude daily').")
final class DailyCommand extends UsageReportCommand {

    @Override
    protected void run(List<Path> files, PrintWriter out, PrintWriter err) {
        UsageLog log = load(files, Reading.DAILY);
        UsageReport report = UsageReports.daily(log.entries(), options.query(DayOfWeek.SUNDAY));
        reportProblems(log, err);
        if (wantsJson()) {
            out.println(ReportJson.of(report));
        } else {
            UsageTable.print(report, "Claude Code Token Usage Report - Daily", "Date", options.breakdown, out, err);
        }
    }
}
