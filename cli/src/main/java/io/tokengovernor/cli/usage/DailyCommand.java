package io.tokengovernor.cli.usage;

import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.ReportJson;
import io.tokengovernor.core.usage.ReportQuery;
import io.tokengovernor.core.claudelog.LogPath;
import io.tokengovernor.core.usage.UsageEntry;
import io.tokengovernor.core.usage.UsageLog;
import io.tokengovernor.core.usage.UsageReport;
import io.tokengovernor.core.usage.UsageReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "daily", description = "Usage grouped by day (like 'ccusage claude daily').")
final class DailyCommand extends UsageReportCommand {

    @Option(names = {"-i", "--instances"}, description = "One report per project (log folder under projects/), as ccusage's --instances.")
    boolean instances;

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "Only this project (its folder name under projects/, e.g. -home-dev-app).")
    String project;

    @Override
    protected void run(List<Path> files, PrintWriter out, PrintWriter err) {
        ReportQuery query = options.query(DayOfWeek.SUNDAY);
        if (!instances && project == null) {
            UsageLog log = load(files, Reading.DAILY);
            reportProblems(log, err);
            UsageReport report = UsageReports.daily(log.entries(), query);
            if (wantsJson()) {
                out.println(ReportJson.of(report));
            } else {
                UsageTable.print(report, "Claude Code Token Usage Report - Daily", "Date", options.breakdown, out, err);
            }
            return;
        }
        Map<String, UsageReport> projects = new TreeMap<>();
        if (project != null) {
            // with --project ccusage reads that project's files alone: copies elsewhere are not copies here
            List<Path> projectFiles = files.stream().filter(file -> project.equals(LogPath.of(file).project())).toList();
            UsageLog log = loadPart(projectFiles, Reading.DAILY);
            reportProblems(log, err);
            addProject(projects, project, log.entries(), query);
        } else {
            // --instances de-duplicates across all projects, then groups by the project of each kept entry
            UsageLog log = load(files, Reading.DAILY);
            reportProblems(log, err);
            Map<String, List<UsageEntry>> groups = new TreeMap<>();
            for (UsageEntry entry : log.entries()) {
                groups.computeIfAbsent(entry.place().project(), n -> new ArrayList<>()).add(entry);
            }
            groups.forEach((name, entries) -> addProject(projects, name, entries, query));
        }
        UsageReport all = UsageReports.daily(List.of(), query);
        if (wantsJson()) {
            out.println(instances ? ReportJson.instances(projects, all, query.descending())
                    : ReportJson.ofProject(projects.getOrDefault(project, all), project));
        } else if (projects.isEmpty()) {
            UsageTable.print(all, "Claude Code Token Usage Report - Daily", "Date", options.breakdown, out, err);
        } else {
            projects.forEach((name, report) -> UsageTable.print(report,
                    "Claude Code Token Usage Report - Daily - " + name, "Date", options.breakdown, out, err));
        }
    }

    private static void addProject(Map<String, UsageReport> projects, String name, List<UsageEntry> entries,
                                   ReportQuery query) {
        UsageReport report = UsageReports.daily(entries, query);
        if (!report.rows().isEmpty()) {
            projects.put(name, report);
        }
    }
}
