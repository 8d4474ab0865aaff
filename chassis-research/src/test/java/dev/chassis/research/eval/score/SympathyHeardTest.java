package dev.chassis.research.eval.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.language.Languages;
import dev.chassis.talk.realise.DirectiveRealiser;
import dev.chassis.talk.signal.Signal;
import dev.chassis.testkit.participant.reading.Tone;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sympathy the interviewer says before leaving a declined topic, closing or following a switch, after a hard moment
 * told in the same answer, is heard as sympathy by the evaluation's own reader of tone (its word lists, not the harness's),
 * in every supported language; without the moment, leaving the topic is no sympathy.
 */
class SympathyHeardTest {

    private static final DirectiveRealiser REALISER = new DirectiveRealiser();

    @Test
    void every_language_s_sympathy_is_heard_before_the_reply_moves_on() {
        Signal hard = new Signal.EmotionNoted(1, "emotion", "…", -0.8, 0.8);
        for (String language : Languages.CODES) {
            Prompt prompt = Prompt.of(List.of(Message.assistant("?"), Message.user("…")));
            Directive leave = new Directive.Respect(language, "a", List.of("x"), "b", "?", List.of(hard));
            String said = REALISER.realise(leave, prompt).text();
            assertThat(Tone.empathyFirst(said, language)).as(language + ": " + said).isTrue();
            Directive close = new Directive.WrapUp(language, List.of(hard), "the person asked to stop");
            assertThat(Tone.empathyFirst(REALISER.realise(close, prompt).text(), language)).as(language + " wrap-up").isTrue();
            Directive plain = new Directive.Respect(language, "a", List.of("x"), "b", "?", List.of());
            String without = REALISER.realise(plain, prompt).text();
            assertThat(said).as(language + ": the same reply, with the sympathy before it").endsWith(without).isNotEqualTo(without);
        }
    }
}
