package dev.chassis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code chassis} command. Subcommands are listed here, one class each.
 */
@Command(name = "chassis",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Chassis: harnesses for LLM agents that work and agents that talk.", ""},
        subcommands = {
                ModelsCommand.class,
                ChatCommand.class,
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                SynthesizeCommand.class,
                GuideCommand.class,
                RunCommand.class,
                ResumeCommand.class,
                ShowCommand.class,
                RunsCommand.class,
                InterviewCommand.class,
                SimulateCommand.class,
                EvalCommand.class,
                DecideCommand.Approve.class,
                DecideCommand.Reject.class,
                ForkCommands.ForkCommand.class,
                ForkCommands.DiffCommand.class,
                ForkSessionCommand.class,
                GuardCommand.class,
                ServeCommand.class,
                McpCommand.class
        },
        footer = {"", "Run 'chassis <command> --help' for a command's options and examples."})
public final class ChassisCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line: one-line errors, no stack traces, case-insensitive enums. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ChassisCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler(CliErrors::parameterError);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
