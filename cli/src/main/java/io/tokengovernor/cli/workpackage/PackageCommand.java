package io.tokengovernor.cli.workpackage;

import picocli.CommandLine.Command;

@Command(name = "package", description = "Work on work packages (groups of tasks scheduled together).",
        subcommands = AddPackageCommand.class)
public class PackageCommand {
}
