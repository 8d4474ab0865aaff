package dev.chassis.talk.realise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An acknowledgement fits what was said: a sore subject, a refusal, a hard moment or a thin answer is never praised. */
class AcknowledgementFitTest {

    private static final DirectiveRealiser REALISER = new DirectiveRealiser();

    @Test
    void answers_that_praise_would_not_fit_are_acknowledged_plainly_at_every_turn() {
        for (String answer : List.of("Money is a sore subject for me, to be honest.", "I'd rather not talk about our prices today, sorry.",
                "My father died that spring and I could not cope with the paperwork for months.", "Not sure, maybe.")) {
            for (int turn = 1; turn <= 12; turn++) {
                String reply = reply(answer, turn);
                assertThat(reply.toLowerCase(java.util.Locale.ROOT)).as(answer + " @" + turn).doesNotContain("helpful").doesNotContain("useful");
            }
        }
    }

    @Test
    void a_substantive_answer_may_still_be_thanked_warmly() {
        String answer = "We set up the shared calendar in an afternoon and the volunteers filled every Saturday shift within a week.";
        boolean warm = false;
        for (int turn = 1; turn <= 12; turn++) {
            warm |= reply(answer, turn).contains("That's helpful.");
        }
        assertThat(warm).isTrue();
    }

    @Test
    void the_closing_thanks_a_filler_only_participant_for_the_time_not_for_being_open() {
        List<String> filler = List.of("Yeah.", "Not sure really.", "It's fine I guess.", "Kind of, maybe.", "Yeah, it's okay.");
        List<String> rich = List.of("We set up the shared calendar in an afternoon and the volunteers filled every Saturday shift within a week.",
                "The older volunteers thought the invite emails were a scam, so I phoned each of them and walked them through it.");
        for (String language : List.of("en", "de", "fr", "ja", "ru", "zh")) {
            String plain = close(filler, language);
            String warm = close(rich, language);
            assertThat(plain).as(language).isNotEqualTo(warm).isEqualTo(Templates.pick(language, "wrap_up_plain", 0, java.util.Map.of()));
        }
        assertThat(close(filler, "en")).doesNotContain("open").doesNotContain("sharing");
    }

    private static String close(List<String> answers, String language) {
        List<Message> messages = new ArrayList<>();
        for (String a : answers) {
            messages.add(Message.assistant("Question?"));
            messages.add(Message.user(a));
        }
        return REALISER.realise(new Directive.WrapUp(language, List.of(), "every planned question asked"), Prompt.of(messages)).text();
    }

    private static String reply(String answer, int turn) {
        List<Message> messages = new ArrayList<>();
        for (int i = 1; i < turn; i++) {
            messages.add(Message.assistant("Question " + i + "?"));
            messages.add(Message.user("Earlier answer " + i + "."));
        }
        messages.add(Message.assistant("Roughly how much do you earn in a month?"));
        messages.add(Message.user(answer));
        return REALISER.realise(new Directive.Ask("en", "income", "Does it vary month to month?", List.of()), Prompt.of(messages)).text();
    }
}
