package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.text.Words;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.talk.monitor.ReplyLanguageMonitor;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.text.ReplyLanguage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reply-language check (issue 16.4): a slip is a signal, and the next reply's context tells the model to correct it. */
class ReplyLanguageTest {

    @Test
    void each_sentence_of_a_reply_is_judged_and_the_persons_quoted_words_are_not() {
        assertThat(ReplyLanguage.check("Danke. Wie oft öffnen Sie die App inzwischen, zum Beispiel in einer normalen Woche?", "de", List.of("de"))
                .inLanguage()).isTrue();
        ReplyLanguage.Verdict mixed = ReplyLanguage.check(
                "Danke für die Erklärung. How often do you open the app these days, for example in a normal week?", "de", List.of("de"));
        assertThat(mixed.others()).containsExactly("en");
        assertThat(mixed.mixed()).isTrue();
        assertThat(mixed.strays()).containsExactly("How often do you open the app these days, for example in a normal week?");
        assertThat(ReplyLanguage.check("Sie sagten „I use it every single day for the invoices“ – was meinen Sie damit genau?", "de", List.of("de"))
                .inLanguage()).isTrue();
        assertThat(ReplyLanguage.check("这很有帮助，谢谢。您平时多久打开一次这个应用？", "zh", List.of("zh")).inLanguage()).isTrue();
        assertThat(ReplyLanguage.check("ขอบคุณครับ Thank you so much for explaining all of that to me today.", "th", List.of("th")).others())
                .containsExactly("en");
    }

    @Test
    void a_reply_that_slips_into_english_is_noted_on_the_next_turn_and_its_prompt_asks_for_the_session_language() {
        OfflineModel offline = Fixtures.offline();
        List<Prompt> prompts = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Model slipping = new Model() {
            @Override
            public String name() {
                return "slipping-model";
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                prompts.add(prompt);
                String text = calls.getAndIncrement() == 1
                        ? "Thanks, that is really helpful. How often do you open the app these days, in a normal week?"
                        : offline.generate(prompt, Deadline.none()).text();
                StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
                for (String t : Words.tokens(text)) {
                    g.token(t);
                }
                g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
                return g;
            }
        };
        TalkHarness h = Fixtures.harness().model(slipping).build();
        var german = new dev.chassis.talk.stage.Briefing("Wie Menschen mit einer Budget-App anfangen.", "de", List.of("de"),
                java.time.Duration.ofMinutes(20), List.of(
                        dev.chassis.talk.stage.Objective.of("start", "Einstieg", 5, 0.5, "Wie haben Sie die App zuerst eingerichtet?"),
                        dev.chassis.talk.stage.Objective.of("habits", "Gewohnheiten", 4, 0.5, "Wann am Tag nutzen Sie die App meistens?")),
                java.util.Map.of(), List.of(), List.of(), "Danke, dass Sie sich Zeit nehmen.");
        try (Session s = h.open(h.stage(german))) {
            s.open(t -> { }).join();
            s.respond("Ich habe die App auf meinem Handy eingerichtet und das Konto mit meiner Bank verbunden.", t -> { }).join();
            s.respond("Meistens öffne ich sie abends, wenn die Kinder schlafen, und trage die Ausgaben des Tages ein.", t -> { }).join();
            List<Signal.Note> notes = s.state().signals().stream().filter(Signal.Note.class::isInstance).map(Signal.Note.class::cast)
                    .filter(n -> n.kind().equals(ReplyLanguageMonitor.KIND)).toList();
            assertThat(notes).singleElement().satisfies(n -> {
                assertThat(n.attributes()).containsEntry("expected", "de").containsEntry("found", "en");
                assertThat(n.attributes().get("sentence")).isEqualTo("Thanks, that is really helpful.");
            });
        }
        assertThat(prompts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(prompts.get(2).messages().toString()).contains("Your last reply slipped into en").contains("only in de");
        assertThat(prompts.get(1).messages().toString()).doesNotContain("slipped into");
    }
}
