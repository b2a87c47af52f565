package io.tokengovernor.cli.simulation;

import io.tokengovernor.cli.ExitCode;
import io.tokengovernor.cli.TokenGov;
import io.tokengovernor.cli.console.Console;
import io.tokengovernor.core.claudelog.LogFolders;
import io.tokengovernor.core.claudelog.NoLogFolder;
import io.tokengovernor.core.pricing.CostMode;
import io.tokengovernor.core.pricing.PriceTable;
import io.tokengovernor.core.simulation.Call;
import io.tokengovernor.core.simulation.InvalidPolicy;
import io.tokengovernor.core.simulation.Policy;
import io.tokengovernor.core.simulation.Replay;
import io.tokengovernor.core.usage.UsageLog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * An offline replay of the user's Claude Code logs: reads the policy and the logs once (de-duplicated as
 * ccusage does), then hands both to the subcommand. Bad policies and missing logs are one line on stderr
 * and a usage exit code.
 */
abstract class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions options;

    @Override
    public final Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), wantsJson());
        try {
            Policy policy = options.policy();
            LogFolders folders = LogFolders.from(((TokenGov) spec.root().userObject()).environment());
            UsageLog log = UsageLog.forEntries(folders.logFiles(),
                    new UsageLog.Pricing(PriceTable.embedded(), CostMode.AUTO, policy.zone()));
            run(new Replay(Call.of(log.entries())), policy, console);
            return ExitCode.OK.code();
        } catch (InvalidPolicy | NoLogFolder | UncheckedIOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCode.USAGE.code();
        } finally {
            console.flush();
        }
    }

    protected abstract void run(Replay replay, Policy policy, Console console);

    /** The global {@code --json} flag of {@code token-gov}, an inherited option of the root command. */
    private boolean wantsJson() {
        OptionSpec json = spec.root().findOption("--json");
        return json != null && Boolean.TRUE.equals(json.getValue());
    }
}
