package io.tokengovernor.cli.usage;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code token-gov usage}: token and cost reports from the Claude Code logs on this machine, no
 * server needed. The JSON output is interchangeable with ccusage 20's.
 */
@Command(name = "usage",
        description = "Token and cost reports from local Claude Code logs (ccusage-compatible JSON).",
        subcommands = {DailyCommand.class, WeeklyCommand.class, MonthlyCommand.class, SessionCommand.class,
                BlocksCommand.class})
public class UsageCommand {

    // read through these rather than System.getenv()/the system clock so tests can pin both
    private Map<String, String> environment = System.getenv();
    private Clock clock = Clock.systemUTC();

    public UsageCommand environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    public UsageCommand clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    Map<String, String> environment() {
        return environment;
    }

    Clock clock() {
        return clock;
    }
}
