package dev.chassis.server.http;

import dev.chassis.server.api.StudyRoutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chassis.core.input.InputMessages;
import dev.chassis.server.ops.RunRoutes;
import dev.chassis.testkit.fuzz.Mutator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every request body the API reads is either its record or a 4xx {@link ApiException} whose message names no
 * Java type or library. Jazzer's {@code @FuzzTest} replays its saved inputs in every build ({@code JAZZER_FUZZ=1}
 * fuzzes); the {@code @Test} mutates valid bodies 2,500 times by seed, so every build runs that many.
 */
class BodyFuzzTest {

    static final List<Class<?>> TYPES = List.of(StudyRoutes.CreateStudy.class, StudyRoutes.CreateSession.class, RunRoutes.StartRun.class,
            RunRoutes.Decision.class);
    static final List<String> BODIES = List.of(
            "{\"guideYaml\": \"study: s\\ntitle: T\\nobjectives:\\n  - id: a\\n    title: A\\n    questions: [Why]\\n\", \"source\": \"g.yaml\"}",
            "{\"example\": \"onboarding-en.yaml\"}", "{\"language\": \"en\", \"participant\": \"Ada\"}",
            "{\"studyFile\": \"study-files/study.yaml\", \"seed\": 7}", "{\"note\": \"reads well\"}", "{}");

    @FuzzTest(maxDuration = "60s")
    void body(byte[] data) {
        if (data.length == 0) {
            return;
        }
        readsCleanly(TYPES.get(Math.floorMod(data[0], TYPES.size())), java.util.Arrays.copyOfRange(data, 1, data.length));
    }

    @Test
    void twenty_five_hundred_mutated_bodies_are_read_or_refused_cleanly() {
        for (int seed = 0; seed < 2_500; seed++) {
            Mutator m = new Mutator(seed);
            String body = m.mutate(BODIES);
            try {
                readsCleanly(TYPES.get(seed % TYPES.size()), body.getBytes(StandardCharsets.UTF_8));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " failed on body: " + body, e);
            }
        }
    }

    static void readsCleanly(Class<?> type, byte[] body) {
        try {
            assertThat(Json.read(body, type)).isNotNull();
        } catch (ApiException e) {
            assertThat(e.status()).isBetween(400, 499);
            assertThat(InputMessages.internals(e.getMessage())).as(e.getMessage()).isEmpty();
        }
    }
}
