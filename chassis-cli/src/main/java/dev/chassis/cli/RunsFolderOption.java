package dev.chassis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --out} option of the commands that read runs already made: the folder they are kept in. */
final class RunsFolderOption {

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = Locations.RUNS, description = "Where runs are (default: ${DEFAULT-VALUE}).")
    Path folder;
}
