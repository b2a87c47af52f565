package io.tokengovernor.cli.claudecode;

import picocli.CommandLine.Command;

@Command(name = "hooks",
        description = {"Govern Claude Code through its hooks: every Claude Code process started in the project (Claude-Flow",
                "workers included) is metered from its transcript, asked to checkpoint, and refused work while paused."},
        subcommands = {HooksInstallCommand.class, HooksStatusCommand.class, HooksUninstallCommand.class,
                HooksRelayCommand.class})
public class HooksCommand {
}
