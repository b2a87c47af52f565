package io.tokengovernor.cli.simulation;

import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.core.simulation.Policy;
import io.tokengovernor.core.simulation.Replay;
import io.tokengovernor.core.simulation.SettingSearch;
import io.tokengovernor.core.simulation.SimulationReport;
import picocli.CommandLine.Command;

/** {@code token-gov optimize --ccusage}: the threshold and safety factor that suit the user's logs best. */
@Command(name = "optimize",
        description = {"Replays your Claude Code logs once per threshold (0.50-0.95) and safety factor (1.0-2.0)",
                "and prints the setting with the fewest pauses and no overshoot, with the trade-off table."})
public class OptimizeCommand extends ReplayCommand {

    @Override
    protected void run(Replay replay, Policy policy, Console console) {
        SettingSearch.Result result = SettingSearch.search(replay, policy);
        if (console.wantsJson()) {
            console.printJson(SimulationJson.search(policy, result));
            return;
        }
        SettingSearch.Trial best = result.best();
        console.line(result.reachesZeroOvershoot()
                ? "Best setting (fewest pauses with zero overshoot):"
                : "No setting avoids overshoot; the least overshoot is:");
        console.line("  --threshold " + format(best.threshold()) + " --safety-factor " + format(best.safetyFactor())
                + "  (" + best.report().pauses() + " pauses, " + best.report().checkpoints() + " checkpoints, "
                + best.report().resumes() + " resumes, " + best.report().overshootTokens() + " tokens overshoot)");
        console.line("");
        Table table = Table.withColumns("THRESHOLD", "SAFETY", "CHECKPOINTS", "PAUSES", "RESUMES", "OVERSHOOT");
        for (SettingSearch.Trial trial : result.trials()) {
            SimulationReport report = trial.report();
            table.row(format(trial.threshold()), format(trial.safetyFactor()), String.valueOf(report.checkpoints()),
                    String.valueOf(report.pauses()), String.valueOf(report.resumes()),
                    String.valueOf(report.overshootTokens()));
        }
        console.print(table);
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
