package io.tokengovernor.cli.task;

import picocli.CommandLine.Command;

@Command(name = "task", description = "Work on tasks.", subcommands = AddTaskCommand.class)
public class TaskCommand {
}
