package io.tokengovernor.cli.scheduler;

import picocli.CommandLine.Command;

@Command(name = "scheduler", description = "The scheduler: its queue with predicted resumes, and manual resumes.",
        subcommands = {SchedulerStatusCommand.class, SchedulerResumeCommand.class})
public class SchedulerCommand {
}
