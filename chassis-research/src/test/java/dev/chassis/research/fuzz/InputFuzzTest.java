package dev.chassis.research.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chassis.core.input.InputMessages;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ops.pool.PoolCsv;
import dev.chassis.research.ops.study.Study;
import dev.chassis.testkit.fuzz.Mutator;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.work.yaml.WorkflowYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whatever a user writes into a guide, persona, workflow, study file or participant pool, the reader either
 * accepts it or answers with one {@link InvalidInputException} whose message is one line naming the file and
 * holds no Java class or library name; nothing else escapes (no NullPointerException, no parser exception).
 *
 * <p>Two ways to run it. The {@code @FuzzTest} methods are Jazzer's: under plain {@code mvn verify} they replay
 * the inputs saved in {@code src/test/resources/.../InputFuzzTestInputs/<method>/} (crashes found before, kept as
 * regressions); with {@code JAZZER_FUZZ=1} they fuzz, coverage-guided, for their {@code maxDuration}. Jazzer's
 * replay runs only the saved inputs, so the {@code @Test} below is what makes thousands of executions in every
 * build: a seeded mutation of the examples ({@link Mutator}), 6,000 inputs in all, each failure naming its seed.
 */
class InputFuzzTest {

    static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples");
    static final Path WORKFLOW_DIR = EXAMPLES.resolve("workflows/recruit-brief");
    static final Set<String> TOOLS = Set.of("open_instructions", "read_file", "search_documents", "write_file");

    /** Executions per input kind in a plain build (6,000 in all; the server's body and message fuzzing adds 5,000). */
    static final Map<String, Integer> BUDGET = Map.of("guide", 2_000, "persona", 1_500, "workflow", 1_000, "pool", 1_000, "study", 500);

    @FuzzTest(maxDuration = "60s")
    void guide(byte[] data) {
        readsCleanly("g.yaml", text(data), t -> GuideFile.parse(t, "g.yaml"));
    }

    @FuzzTest(maxDuration = "60s")
    void persona(byte[] data) {
        readsCleanly("p.yaml", text(data), t -> PersonaFile.parse(t, "p.yaml", "p"));
    }

    @FuzzTest(maxDuration = "60s")
    void workflow(byte[] data) {
        readsCleanly("workflow.yaml", text(data), t -> WorkflowYaml.parse(t, "workflow.yaml", WORKFLOW_DIR, TOOLS, Map.of()));
    }

    @FuzzTest(maxDuration = "60s")
    void pool(byte[] data) {
        readsCleanly("pool.csv", text(data), t -> PoolCsv.parse(t, "pool.csv"));
    }

    @FuzzTest(maxDuration = "60s")
    void study(byte[] data) {
        readsCleanly("study.yaml", text(data), t -> StructuredReader.yaml().read(t, "study.yaml", Study.class));
    }

    @Test
    void thousands_of_mutated_examples_are_read_or_refused_cleanly() {
        int runs = 0;
        runs += mutate("guide", examples("guides", ".yaml"), t -> guide(t.getBytes(StandardCharsets.UTF_8)));
        runs += mutate("persona", examples("personas", ".yaml"), t -> persona(t.getBytes(StandardCharsets.UTF_8)));
        runs += mutate("workflow", List.of(read(WORKFLOW_DIR.resolve("workflow.yaml"))), t -> workflow(t.getBytes(StandardCharsets.UTF_8)));
        runs += mutate("pool", List.of(read(EXAMPLES.resolve("study-onboarding/pool.csv"))), t -> pool(t.getBytes(StandardCharsets.UTF_8)));
        runs += mutate("study", List.of(read(EXAMPLES.resolve("study-onboarding/study.yaml"))), t -> study(t.getBytes(StandardCharsets.UTF_8)));
        assertThat(runs).isEqualTo(6_000);
    }

    private static int mutate(String kind, List<String> examples, Consumer<String> target) {
        int n = BUDGET.get(kind);
        long started = System.nanoTime();
        for (int seed = 0; seed < n; seed++) {
            String input = new Mutator(seed * 31L + kind.hashCode()).mutate(examples);
            try {
                target.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(kind + " seed " + seed + " failed on input:\n" + input, e);
            }
        }
        System.out.printf("%s: %,d mutated inputs in %,d ms%n", kind, n, (System.nanoTime() - started) / 1_000_000);
        return n;
    }

    /**
     * Reads {@code text}; passes when it is accepted or refused with a clean, located error.
     * Fails (so Jazzer reports a finding) on any other exception or a message that gives the program away.
     */
    static void readsCleanly(String source, String text, Consumer<String> reader) {
        try {
            reader.accept(text);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            assertThat(InputMessages.internals(m)).as("message names the program's insides: %s", m).isEmpty();
            assertThat(m).as("one line naming the file").startsWith(source).doesNotContain("\n");
        }
    }

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static List<String> examples(String folder, String suffix) {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().map(InputFuzzTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
