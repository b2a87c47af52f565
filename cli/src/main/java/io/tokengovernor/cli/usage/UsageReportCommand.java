package io.tokengovernor.cli.usage;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.core.claudelog.LineCache;
import io.tokengovernor.core.claudelog.LogFolders;
import io.tokengovernor.core.claudelog.NoLogFolder;
import io.tokengovernor.core.usage.Reading;
import io.tokengovernor.core.usage.UsageLog;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A usage report: finds the logs, loads them, and prints JSON or a table. Failures become one line on
 * stderr and an exit code here, once for all reports.
 */
abstract class UsageReportCommand implements Callable<Integer> {

    private static final Pattern DAY = Pattern.compile("\\d{8}|\\d{4}-\\d{2}-\\d{2}");

    @Spec
    CommandSpec spec;

    @ParentCommand
    UsageCommand usage;

    @Mixin
    ReportOptions options;

    private LogFolders folders;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            checkDay(options.since, "--since");
            checkDay(options.until, "--until");
            folders = LogFolders.from(usage.environment());
            run(folders.logFiles(), out, err);
            return ExitCode.OK.code();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (NoLogFolder | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    protected abstract void run(List<Path> files, PrintWriter out, PrintWriter err);

    /** The priced, de-duplicated entries of {@code files}, reusing what earlier runs read unless --no-cache. */
    protected UsageLog load(List<Path> files, Reading reading) {
        LineCache cache = options.noCache ? null
                : LineCache.at(LineCache.defaultFile(usage.environment(), reading.name().toLowerCase(Locale.ROOT), folders));
        return UsageLog.load(files, options.pricing(), reading, cache);
    }

    /** Like {@link #load} for some of the files: the line cache holds whole folders, so it is left alone. */
    protected UsageLog loadPart(List<Path> files, Reading reading) {
        return UsageLog.load(files, options.pricing(), reading, null);
    }

    /** The global {@code --json} flag of {@code token-gov}, an inherited option of the root command. */
    protected boolean wantsJson() {
        OptionSpec json = spec.root().findOption("--json");
        return json != null && Boolean.TRUE.equals(json.getValue());
    }

    protected void reportProblems(UsageLog log, PrintWriter err) {
        if (!options.verbose) {
            return;
        }
        if (log.skippedLines() > 0) {
            err.println("skipped " + log.skippedLines() + " usage line(s) that are malformed or not Claude Code's");
        }
        log.unreadableFiles().forEach(file -> err.println("could not read " + file));
    }

    private void checkDay(String value, String option) {
        if (value != null && !DAY.matcher(value).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be YYYYMMDD or YYYY-MM-DD, not '" + value + "'");
        }
    }
}
