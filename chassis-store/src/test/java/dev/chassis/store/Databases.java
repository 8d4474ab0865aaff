package dev.chassis.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The databases the store tests run against: a fresh H2 file always, PostgreSQL when CHASSIS_TEST_PG_URL is set. */
final class Databases {

    static final String PG = System.getenv("CHASSIS_TEST_PG_URL");

    private Databases() {
    }

    static List<String> urls(Path dir) {
        List<String> out = new ArrayList<>();
        out.add("jdbc:h2:file:" + dir.resolve("chassis").toAbsolutePath() + ";WRITE_DELAY=0");
        if (PG != null && !PG.isBlank()) {
            out.add(PG);
        }
        return out;
    }

    static void requirePostgres() {
        Assumptions.assumeTrue(PG != null && !PG.isBlank(),
                "PostgreSQL tests skipped: set CHASSIS_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:55432/chassis?user=postgres); .ci/run does");
    }
}
