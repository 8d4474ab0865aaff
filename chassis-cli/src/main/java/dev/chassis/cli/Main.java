package dev.chassis.cli;

/** Entry point of the {@code chassis} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ChassisCommand.commandLine().execute(args));
    }
}
