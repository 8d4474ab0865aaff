package dev.chassis.cli;

import dev.chassis.core.input.InputMessages;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.model.ModelException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns what goes wrong into one line a person can act on. Bad input, configuration and model
 * failures print their message; anything else prints its message in plain words (never the name of a Java
 * class or library), and the stack trace only with {@code CHASSIS_DEBUG=1}.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    /** Exit code for input the user can fix. */
    static final int BAD_INPUT = 2;
    /** Exit code for a failure of the run itself. */
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        int code = switch (e) {
            case InvalidInputException bad -> {
                err.println("error: " + bad.getMessage());
                yield BAD_INPUT;
            }
            case ModelException.Configuration conf -> {
                err.println("error: " + conf.getMessage());
                yield BAD_INPUT;
            }
            case ModelException failure -> {
                err.println("error: " + ModelProblems.plain(failure));
                yield FAILED;
            }
            case CommandLine.ParameterException pe -> {
                err.println("error: " + pe.getMessage());
                yield BAD_INPUT;
            }
            case UncheckedIOException io -> {
                err.println("error: " + InputMessages.clean(io.getCause().getMessage(), "a file could not be read or written"));
                yield FAILED;
            }
            default -> {
                // never the exception's class: its message in plain words, or that the command failed unexpectedly
                err.println("error: " + InputMessages.clean(e.getMessage(), "the command failed unexpectedly"));
                yield FAILED;
            }
        };
        if ("1".equals(System.getenv("CHASSIS_DEBUG"))) {
            e.printStackTrace(err);
        } else if (code == FAILED) {
            err.println("(set CHASSIS_DEBUG=1 for the stack trace)");
        }
        err.flush();
        return code;
    }

    static int parameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return BAD_INPUT;
    }
}
