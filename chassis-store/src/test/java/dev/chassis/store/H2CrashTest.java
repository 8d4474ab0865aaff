package dev.chassis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every append H2 acknowledged is still there after the process is killed with SIGKILL. */
class H2CrashTest {

    @Test
    void acknowledged_appends_survive_a_kill(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 3; round++) {
            Path base = dir.resolve("db" + round);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashTarget.class.getName(), base.toString())
                    .redirectErrorStream(true).start();
            AtomicLong acked = new AtomicLong(-1);
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("acked ")) {
                            acked.set(Long.parseLong(line.substring(6)));
                        }
                    }
                } catch (Exception ignored) {
                    // the process was killed
                }
            });
            // generous: a JVM start with H2 and Flyway took over 30 s on a machine with a load of 24
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (acked.get() < 30 + round * 40 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            p.destroyForcibly().waitFor();
            reader.join(2_000);
            long last = acked.get();
            assertThat(last).as("appends before the kill").isGreaterThan(20);
            try (JdbcJournal db = JdbcJournal.h2(base)) {
                List<?> entries = db.runJournal().read("crash");
                assertThat((long) entries.size()).as("entries after the kill, round %d", round).isGreaterThanOrEqualTo(last + 1);
            }
        }
    }
}
