package dev.chassis.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --ledger} option of every command that runs a harness. */
final class LedgerOption {

    @Option(names = "--ledger", paramLabel = "<dir>",
            description = {"The mistake ledger whose fixes every session and run keeps: a folder of incident files",
                    "(chassis guard add writes them). Default: the guide's 'ledger:' key, if it has one."})
    Path ledger;

    /** The folder the user named, if any. */
    Optional<Path> folder() {
        return Optional.ofNullable(ledger);
    }
}
