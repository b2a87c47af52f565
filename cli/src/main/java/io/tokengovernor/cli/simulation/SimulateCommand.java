package io.tokengovernor.cli.simulation;

import io.tokengovernor.cli.console.Console;
import io.tokengovernor.cli.console.Table;
import io.tokengovernor.core.simulation.Policy;
import io.tokengovernor.core.simulation.Replay;
import io.tokengovernor.core.simulation.SimulationReport;
import picocli.CommandLine.Command;

/** {@code token-gov simulate --ccusage}: what the governor would have done with the user's logs. */
@Command(name = "simulate",
        description = {"Replays your Claude Code logs offline through the governor's rules under a policy:",
                "checkpoints requested, pauses, resumes, tokens past budget, and a per-day timeline."})
public class SimulateCommand extends ReplayCommand {

    @Override
    protected void run(Replay replay, Policy policy, Console console) {
        SimulationReport report = replay.under(policy);
        if (console.wantsJson()) {
            console.printJson(SimulationJson.simulation(policy, report));
            return;
        }
        console.print(Table.withoutHeader()
                .row("Calls replayed", String.valueOf(report.calls()))
                .row("Tasks (sessions)", String.valueOf(report.tasks()))
                .row("Tokens spent under governance", String.valueOf(report.tokens()))
                .row("Checkpoints requested", String.valueOf(report.checkpoints()))
                .row("Pauses", String.valueOf(report.pauses()))
                .row("Resumes", String.valueOf(report.resumes()))
                .row("Tokens past budget without governance", String.valueOf(report.overshootPreventedTokens()))
                .row("Tokens past budget despite governance", String.valueOf(report.overshootTokens()))
                .row("Worst overshoot", report.worstTask() == null ? "none"
                        : report.worstTaskTokens() + " tokens (" + report.worstTask() + ")"));
        console.line("");
        Table timeline = Table.withColumns("DATE", "TOKENS", "CHECKPOINTS", "PAUSES", "RESUMES", "PAST BUDGET");
        for (SimulationReport.Day day : report.timeline()) {
            timeline.row(day.date().toString(), String.valueOf(day.tokens()), String.valueOf(day.checkpoints()),
                    String.valueOf(day.pauses()), String.valueOf(day.resumes()),
                    String.valueOf(day.overshootPreventedTokens()));
        }
        if (timeline.isEmpty()) {
            console.line("No usage found in the logs.");
        } else {
            console.print(timeline);
        }
    }
}
