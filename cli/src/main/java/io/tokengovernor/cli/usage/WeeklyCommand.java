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
import picocli.CommandLine.Option;

@Command(name = "weekly", description = "Usage grouped by week (like 'ccusage claude weekly').")
final class WeeklyCommand extends UsageReportCommand {

    @Option(names = {"-w", "--start-of-week"}, paramLabel = "DAY", defaultValue = "sunday",
            description = "First day of the week (sunday..saturday). Default: ${DEFAULT-VALUE}.")
    DayOfWeek startOfWeek;

    @Override
    protected void run(List<Path> files, PrintWriter out, PrintWriter err) {
        UsageLog log = load(files, Reading.ENTRIES);
        UsageReport report = UsageReports.weekly(log.entries(), options.query(startOfWeek));
        reportProblems(log, err);
        if (wantsJson()) {
            out.println(ReportJson.of(report));
        } else {
            UsageTable.print(report, "Claude Code Token Usage Report - Weekly", "Week", options.breakdown, out, err);
        }
    }
}
