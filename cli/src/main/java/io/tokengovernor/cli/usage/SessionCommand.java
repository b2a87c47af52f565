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

@Command(name = "session", description = "Usage grouped by conversation session, most expensive first (like 'ccusage claude session').")
final class SessionCommand extends UsageReportCommand {

    @Override
    protected void run(List<Path> files, PrintWriter out, PrintWriter err) {
        UsageLog log = load(files, Reading.ENTRIES);
        UsageReport report = UsageReports.sessions(log.entries(), options.query(DayOfWeek.SUNDAY));
        reportProblems(log, err);
        if (wantsJson()) {
            out.println(ReportJson.of(report));
        } else {
            UsageTable.print(report, "Claude Code Token Usage Report - By Session", "Session", options.breakdown, out, err);
        }
    }
}
