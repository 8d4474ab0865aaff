package dev.chassis.work.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (a test suite, a linter, a checker) with the step's output in the environment
 * variable {@code CHASSIS_OUTPUT} and in the file named by {@code CHASSIS_OUTPUT_FILE}; exit code 0
 * passes, anything else fails with the last lines of its output as findings. A command past its
 * timeout is killed and fails.
 */
public record CommandGate(String name, List<String> command, Duration timeout) implements Gate {

    private static final int FINDING_LINES = 20;

    public CommandGate {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command gate needs a command");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public GateVerdict check(GateInput input) throws IOException, InterruptedException {
        Path outputFile = Files.createTempFile("chassis-output-", ".txt");
        Path log = Files.createTempFile("chassis-gate-", ".log");
        try {
            Files.writeString(outputFile, input.output(), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command).directory(input.workdir().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("CHASSIS_OUTPUT", input.output().length() > 100_000 ? "" : input.output());
            pb.environment().put("CHASSIS_OUTPUT_FILE", outputFile.toString());
            pb.environment().put("CHASSIS_STEP", input.step());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new GateVerdict.Fail(name, List.of("`" + String.join(" ", command) + "` did not finish within " + timeout.toSeconds() + " s"));
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - FINDING_LINES), lines.size()));
            if (p.exitValue() == 0) {
                return new GateVerdict.Pass(name, "exit 0");
            }
            tail.addFirst("`" + String.join(" ", command) + "` exited with " + p.exitValue());
            return new GateVerdict.Fail(name, tail);
        } finally {
            Files.deleteIfExists(outputFile);
            Files.deleteIfExists(log);
        }
    }
}
