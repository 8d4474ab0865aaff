package dev.chassis.testkit.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The texts of the ledger fixtures, to write where a test needs them as files. */
public final class LedgerFixtures {

    private LedgerFixtures() {
    }

    /**
     * A persona (YAML) who answers how her team set the app up with "a sore subject for me" and declines again when
     * asked again: probed on without a ledger, left with a steering rule that moves on.
     */
    public static String soreSubjectRefuser() {
        return text("sore-subject-refuser.yaml");
    }

    /**
     * A work incident (YAML): the example workflow recruit-brief's invitation promised a duration ("20 minutes"),
     * fixed by an output guard on its invite step.
     */
    public static String noDurationsIncident() {
        return text("no-durations.yaml");
    }

    private static String text(String name) {
        try (InputStream in = LedgerFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from chassis-testkit");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
