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
