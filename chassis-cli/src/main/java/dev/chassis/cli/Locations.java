package dev.chassis.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the CLI finds the project's examples and where it writes by default. */
final class Locations {

    /** Default root of runs, relative to the working directory. */
    static final String RUNS = "chassis-out/runs";

    private Locations() {
    }

    /**
     * The Chassis checkout: system property {@code chassis.home}, else the directory above
     * {@code chassis-cli/target} when running from a build, else the working directory.
     */
    static Path home() {
        String prop = System.getProperty("chassis.home");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        return fromCodeSource().orElse(Path.of("").toAbsolutePath());
    }

    private static Optional<Path> fromCodeSource() {
        try {
            Path code = Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                    return Optional.of(p);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
