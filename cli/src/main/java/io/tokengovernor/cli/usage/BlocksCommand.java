package io.tokengovernor.cli.usage;

import io.tokengovernor.core.claudelog.LogFolders;
import io.tokengovernor.core.usage.BlockReport;
import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.ReportJson;
import io.tokengovernor.core.usage.UsageLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "blocks", description = "Usage in 5-hour billing blocks (like 'ccusage blocks'); --live follows the active one.")
final class BlocksCommand extends UsageReportCommand {

    @Option(names = {"-a", "--active"}, description = "Only the active block.")
    boolean active;

    @Option(names = {"-r", "--recent"}, description = "Only blocks of the last 3 days, and the active one.")
    boolean recent;

    @Option(names = {"-t", "--token-limit"}, paramLabel = "N|max",
            description = "Token limit for the status (ok, warning above 80 %%, exceeds); 'max' is the largest finished block.")
    String tokenLimit;

    @Option(names = {"-n", "--session-length"}, paramLabel = "HOURS", defaultValue = "5",
            description = "Block length in hours. Default: ${DEFAULT-VALUE}.")
    double sessionLength;

    @Option(names = "--live", description = "Refresh a view of the active block until Ctrl-C, reading only what the logs gain.")
    boolean live;

    @Option(names = "--refresh-interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between refreshes of --live. Default: ${DEFAULT-VALUE}.")
    double refreshSeconds;

    @Override
    protected void run(List<Path> files, PrintWriter out, PrintWriter err) {
        if (sessionLength <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Session length must be a positive number");
        }
        if (live) {
            new LiveBlockView(LogFolders.from(usage.environment()), options, sessionLength, tokenLimit,
                    usage.clock(), out).run(Math.max(100, (long) (refreshSeconds * 1000)));
            return;
        }
        UsageLog log = load(files, Reading.ENTRIES);
        BlockReport report = BlockReport.of(log.entries(), options.query(DayOfWeek.SUNDAY), sessionLength, recent,
                active, usage.clock().millis());
        reportProblems(log, err);
        if (wantsJson()) {
            out.println(ReportJson.of(report, tokenLimit));
        } else {
            BlockTable.print(report, tokenLimit, out);
        }
    }
}
