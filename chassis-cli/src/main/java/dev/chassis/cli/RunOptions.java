package dev.chassis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command that starts a run shares: where runs go, and the participants' seed. */
final class RunOptions {

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = Locations.RUNS, description = "Where runs go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42", description = "Seed of the synthetic participants (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", paramLabel = "<model>", defaultValue = "offline",
            description = "Engine for the interviewer and for writing themes, e.g. offline, openai:gpt-4.1-mini, "
                    + "anthropic:claude-sonnet-4-5 (default: ${DEFAULT-VALUE}; 'chassis models' lists them).")
    String model;

    @Mixin
    LedgerOption ledger = new LedgerOption();
}
