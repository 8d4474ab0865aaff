package dev.chassis.talk.realise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups on the person's words, one after another in a long interview, never put the same question twice: a wording that
 * opens on a quotation mark is not taken for one already used because an earlier follow-up quoted too, and once every wording
 * was used, the one that asks with the person's words inside its question is chosen ("What is one concrete example of
 * "…"?"), not one whose question stands alone ("You mentioned "…". What is a recent example of that?").
 */
class ProbeWordingTest {

    private static final DirectiveRealiser REALISER = new DirectiveRealiser();

    private static final List<String> QUOTES = List.of("the recall list", "the calendar sync on Mondays", "the front desk on a quiet Thursday",
            "my own phone at night", "the paper diary by the till", "two vets on call", "a dog hit by a car", "the vaccine reminders");

    @Test
    void eight_follow_ups_in_a_row_ask_eight_different_questions_in_every_language() {
        for (String language : List.of("en", "de", "fr", "es", "pt", "ja", "hi", "ar", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro",
                "hu", "el", "tr", "ru", "uk", "he", "ko", "zh", "id", "vi", "th")) {
            List<Message> messages = new ArrayList<>();
            Set<String> questions = new HashSet<>();
            for (String quote : QUOTES) {
                messages.add(Message.user("We mostly use " + quote + " and it works, more or less, on most days of the week."));
                String reply = REALISER.realise(new Directive.Probe(language, "o", quote, "", List.of()), Prompt.of(messages)).text();
                messages.add(Message.assistant(reply));
                // The question as the person reads it: its last sentence. With their words inside, it asks something new.
                String[] sentences = reply.strip().split("(?<=[.?!;؟।])\\s+|(?<=[。？！])");
                String question = sentences[sentences.length - 1];
                if (!question.contains(quote)) {
                    assertThat(questions.add(question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L} ]", "").strip()))
                            .as("%s: '%s' asked again", language, reply).isTrue();
                }
            }
        }
    }
}
