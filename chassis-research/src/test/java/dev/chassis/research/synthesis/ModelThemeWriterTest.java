package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelThemeWriterTest {

    /** In a script: the call fails with a 500. */
    static final String FAIL = "!500";

    /** Answers from a script and records the prompts it was given. */
    static final class ScriptedModel implements Model {
        final Iterator<String> answers;
        final List<Prompt> prompts = new ArrayList<>();

        ScriptedModel(String... answers) {
            this.answers = List.of(answers).iterator();
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
            prompts.add(prompt);
            StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
            String next = answers.next();
            if (next.equals(FAIL)) {
                g.fail(new ModelException.ServerError(name(), 500, "", null));
                return g;
            }
            g.token(next);
            g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
            return g;
        }
    }

    private final List<Transcript> sessions = Fixtures.exampleTranscripts();
    private final Synthesizer offline = Synthesizer.builder().build();

    private String answer(String quote) {
        ThemeWritingIntent intent = offline.intent(sessions);
        StringBuilder sb = new StringBuilder("{\"themes\": [");
        for (Cluster c : intent.clusters()) {
            Statement s = c.members().getFirst();
            sb.append(c.index() == 0 ? "" : ",").append("{\"group\": ").append(c.index()).append(", \"name\": \"Theme ").append(c.index())
                    .append("\", \"summary\": \"s\", \"findings\": [{\"text\": \"f\", \"quotes\": [{\"session\": \"").append(s.session())
                    .append("\", \"turn\": ").append(s.turn()).append(", \"text\": \"")
                    .append(c.index() == 0 ? quote : s.text().replace("\"", "\\\"")).append("\"}]}]}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void a_model_failure_is_tried_again_after_a_wait_that_doubles_or_what_the_provider_asked() {
        ModelException.ServerError down = new ModelException.ServerError("m", 500, "", null);
        assertThat(List.of(1, 2, 3, 4).stream().map(n -> ModelThemeWriter.failureWait(n, down)).toList())
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(ModelThemeWriter.failureWait(1, new ModelException.RateLimited("m", Optional.of(Duration.ofSeconds(7)), "")))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(ModelThemeWriter.failureWait(1, new ModelException.Unavailable("m", "not called for now", Optional.of(Duration.ofMinutes(5)), null)))
                .as("never longer than the longest wait").isEqualTo(ModelThemeWriter.LONGEST_WAIT);
    }

    @Test
    void a_failed_call_on_the_last_attempt_is_tried_again_and_does_not_end_the_synthesis() {
        String good = answer(offline.intent(sessions).clusters().getFirst().members().getFirst().text());
        ScriptedModel model = new ScriptedModel(answer("words nobody ever said"), FAIL, good);

        Synthesis s = Synthesizer.builder().writer(ModelThemeWriter.of(model, 2), "scripted").build().synthesize(sessions);

        assertThat(model.prompts).hasSize(3);
        assertThat(s.themes()).hasSize(offline.intent(sessions).clusters().size());
        assertThat(s.notes()).contains("The quote check refused 1 earlier answer(s) from scripted; attempt 2 passed.");
    }

    @Test
    void a_refused_answer_goes_back_with_the_gates_findings_and_the_retry_passes() {
        ScriptedModel model = new ScriptedModel(answer("words nobody ever said"), answer(offline.intent(sessions).clusters().getFirst().members().getFirst().text()));

        Synthesis s = Synthesizer.builder().writer(ModelThemeWriter.of(model, 3), "scripted").build().synthesize(sessions);

        assertThat(model.prompts).hasSize(2);
        assertThat(model.prompts.get(1).lastUserText()).contains("Your previous answer was refused:")
                .contains("\"words nobody ever said\"): not found verbatim in turn");
        assertThat(s.themes()).hasSize(offline.intent(sessions).clusters().size());
        assertThat(s.notes()).contains("The quote check refused 1 earlier answer(s) from scripted; attempt 2 passed.");
    }

    @Test
    void when_attempts_run_out_only_verified_findings_reach_the_synthesis() {
        ScriptedModel model = new ScriptedModel(answer("words nobody ever said"), answer("still not said by anyone"));

        Synthesis s = Synthesizer.builder().writer(ModelThemeWriter.of(model, 2), "scripted").build().synthesize(sessions);

        assertThat(s.themes()).extracting(Theme::name).doesNotContain("Theme 0").contains("Theme 1");
        assertThat(s.notes()).anyMatch(n -> n.startsWith("After 2 attempts scripted still gave 2 problem(s), 1 of them quotes not found"));
        QuoteVerifier verifier = QuoteVerifier.of(sessions);
        assertThat(s.quotes()).allSatisfy(q -> assertThat(verifier.isExact(q)).isTrue());
    }

    @Test
    void the_offline_engine_answers_the_same_prompt_through_the_same_gate() {
        ThemeWritingIntent intent = offline.intent(sessions);
        String answer = dev.chassis.models.offline.OfflineModel.builder().pacing(dev.chassis.models.offline.Pacing.INSTANT).build()
                .generate(ThemeWriting.prompt(intent, List.of()), Deadline.in(java.time.Duration.ofSeconds(10))).text();

        assertThat(new ThemeGate(QuoteVerifier.of(sessions), intent.clusters()).check(answer)).isInstanceOf(ThemeGate.Verdict.Passed.class);
    }
}
