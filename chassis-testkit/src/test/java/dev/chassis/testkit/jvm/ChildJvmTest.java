package dev.chassis.testkit.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No child JVM outlives the JVM that started it: a parent killed with SIGKILL (no shutdown hook runs) takes its child
 * with it through the child's own watch, and a parent that exits destroys what it started that still runs.
 */
class ChildJvmTest {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(90);

    @Test
    void a_child_halts_when_the_jvm_that_started_it_is_killed() throws Exception {
        Process parent = startParent("java");
        ProcessHandle child = ProcessHandle.of(childPid(parent)).orElseThrow();

        parent.destroyForcibly();

        assertThat(child.onExit()).as("the child of a killed JVM").succeedsWithin(GONE_WITHIN);
    }

    @Test
    void a_jvm_that_exits_destroys_the_processes_it_started_that_still_run() throws Exception {
        Process parent = startParent("sleep");
        ProcessHandle child = ProcessHandle.of(childPid(parent)).orElseThrow();

        parent.getOutputStream().close();   // the parent exits at the end of its input
        assertThat(parent.onExit()).succeedsWithin(GONE_WITHIN);
        assertThat(child.onExit()).as("a `sleep 600` the exited JVM started").succeedsWithin(GONE_WITHIN);
    }

    private static Process startParent(String mode) throws IOException {
        return ChildJvm.start(new ProcessBuilder(ChildJvm.ofTestClassPath().command(List.of(), Parent.class.getName(), mode))
                .redirectError(ProcessBuilder.Redirect.INHERIT));
    }

    private static long childPid(Process parent) throws IOException {
        String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("the parent's first line").startsWith("child ");
        return Long.parseLong(line.substring("child ".length()));
    }

    /**
     * Starts a child ({@code java}: a sleeping child JVM, then sleeps until killed; {@code sleep}: a plain {@code sleep
     * 600}, then exits at the end of its input) and prints its pid.
     */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            boolean java = args[0].equals("java");
            Process child = ChildJvm.start(java
                    ? new ProcessBuilder(ChildJvm.ofTestClassPath().command(List.of(), Sleeper.class.getName()))
                    : new ProcessBuilder("sleep", "600"));
            System.out.println("child " + child.pid());
            System.out.flush();
            if (java) {
                Thread.sleep(600_000);   // until the test kills it
            }
            System.in.transferTo(OutputStream.nullOutputStream());
            System.exit(0);
        }
    }

    /** Sleeps for ten minutes: long past any test, so only its parent's death ends it. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(600_000);
        }
    }
}
