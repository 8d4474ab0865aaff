package dev.chassis.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that a real crash loses nothing: a child JVM running a workflow with side effects is
 * killed with SIGKILL at random points, then resumed (and sometimes killed again), until it
 * finishes; every time the counter ends at exactly the uninterrupted value with each call applied once.
 */
class KillAndResumeTest {

    private static final int RUNS = 12;

    @Test
    void a_run_killed_at_random_points_resumes_with_every_side_effect_exactly_once(@TempDir Path dir) throws Exception {
        Random random = new Random(20261124);
        int killsThatLanded = 0;
        for (int i = 0; i < RUNS; i++) {
            Path journal = dir.resolve("journal-" + i);
            Path counter = dir.resolve("counter-" + i + ".json");
            Process p = start(journal, counter, "start");
            String mode = "resume";
            int exit = -1;
            for (int round = 0; round < 10 && exit != 0; round++) {
                if (round < 2 && !p.waitFor(500 + random.nextInt(1200), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no flushing
                    killsThatLanded++;
                } else {
                    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
                    exit = p.exitValue();
                    if (exit == 0) {
                        break;
                    }
                }
                p = start(journal, counter, mode);
            }
            assertThat(exit).as("run %d finished", i).isZero();
            WorkFixtures.Counter c = WorkFixtures.Counter.read(counter);
            assertThat(c.count()).as("run %d counter", i).isEqualTo(6);
            assertThat(c.keys()).as("run %d side effects", i).hasSize(6).doesNotHaveDuplicates();
        }
        assertThat(killsThatLanded).as("kills that landed mid-run").isGreaterThan(RUNS / 2);
    }

    private static Process start(Path journal, Path counter, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                KillTarget.class.getName(), journal.toString(), counter.toString(), mode));
        Files.createDirectories(journal);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(journal.resolve("child-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    static String unused() {
        return File.pathSeparator;
    }
}
