package dev.chassis.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Whether a command can be started: said at once, rather than after the client's start-up timeout. */
final class Programs {

    private Programs() {
    }

    /** {@code program} is an executable file: a path, or a name found on the PATH. */
    static boolean exists(String program) {
        if (program.contains("/") || program.contains(File.separator)) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
