package dev.chassis.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private static final long SEED = 20261124;

    @Test
    void a_run_killed_at_random_points_resumes_with_every_side_effect_exactly_once(@TempDir Path dir) throws Exception {
        // The runs share nothing (each its own journal, counter and seeded draw of kill moments): two at a time, so a
        // child's start-up on one core overlaps the other's run instead of leaving that core idle.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                int run = i;
                runs.add(pool.submit(() -> killAndResume(dir, run)));
            }
            int killsThatLanded = 0;
            for (Future<Integer> r : runs) {
                try {
                    killsThatLanded += r.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
                }
            }
            assertThat(killsThatLanded).as("kills that landed mid-run").isGreaterThan(RUNS / 2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run killed at up to two random moments and resumed until it finishes; the kills that landed mid-run. */
    private static int killAndResume(Path dir, int i) throws Exception {
        Random random = new Random(SEED + i);
        int killsThatLanded = 0;
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
        assertThat(exit).as("run %d finished (seed %d)", i, SEED + i).isZero();
        WorkFixtures.Counter c = WorkFixtures.Counter.read(counter);
        assertThat(c.count()).as("run %d counter", i).isEqualTo(6);
        assertThat(c.keys()).as("run %d side effects", i).hasSize(6).doesNotHaveDuplicates();
        return killsThatLanded;
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
