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

@Command(name = "monthly", description = "Usage grouped by month (like 'ccusage claude monthly').")
final class MonthlyCommand extends UsageReportCommand {

    @Override
    protected void run(List<Path> files, PrintWriter out, PrintWriter err) {
        UsageLog log = load(files, Reading.ENTRIES);
        UsageReport report = UsageReports.monthly(log.entries(), options.query(DayOfWeek.SUNDAY));
        reportProblems(log, err);
        if (wantsJson()) {
            out.println(ReportJson.of(report));
        } else {
            UsageTable.print(report, "Claude Code Token Usage Report - Monthly", "Month", options.breakdown, out, err);
        }
    }
}
