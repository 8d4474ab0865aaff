package dev.chassis.cli;

/** Entry point of the {@code chassis} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            Telemetry.install(System.getenv());   // before anything asks for the global OpenTelemetry
        } catch (RuntimeException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            System.err.println("error: OpenTelemetry is not set up as the OTEL_* variables ask: " + why.getMessage());
            System.exit(CliErrors.BAD_INPUT);
        }
        System.exit(ChassisCommand.commandLine().execute(args));
    }
}
