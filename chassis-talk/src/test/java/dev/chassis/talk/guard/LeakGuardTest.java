package dev.chassis.talk.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.text.Words;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakGuardTest {

    private static final String PREFIX = "You are a research interviewer. Rules: never give financial advice to the person. "
            + "Notes: in an earlier session participant P-114 said we lost the Hamburg contract because invoices were late. "
            + "Questions: How did you first set up the app? When in your day do you usually use it? "
            + "If you could change one thing about the app, what would it be?";
    private static final List<String> PLANNED = List.of("How did you first set up the app?", "When in your day do you usually use it?",
            "If you could change one thing about the app, what would it be?");
    private static final LeakGuard GUARD = LeakGuard.of(PREFIX, List.of("Hi, thanks for joining."), PLANNED);

    /** Streams {@code text} token by token; returns what was released, in the order it was. */
    private static List<String> stream(LeakGuard.Reply reply, String text) {
        List<String> released = new ArrayList<>();
        for (String token : Words.tokens(text)) {
            if (!reply.accept(token, released::add)) {
                return released;
            }
        }
        reply.finish(released::add);
        return released;
    }

    @Test
    void tokens_are_held_only_until_their_sentence_ends() {
        LeakGuard.Reply reply = GUARD.reply(List.of());
        List<String> released = new ArrayList<>();
        for (String token : Words.tokens("Thanks for telling me")) {
            reply.accept(token, released::add);
        }
        assertThat(released).isEmpty();
        reply.accept(". ", released::add);
        assertThat(released).containsExactly("Thanks for telling me. ");
        reply.accept("日本語の文です。", released::add);
        assertThat(released).last().isEqualTo("日本語の文です。");
    }

    @Test
    void a_sentence_reciting_the_briefing_or_another_sessions_data_is_withheld_and_the_reply_stops() {
        LeakGuard.Reply reply = GUARD.reply(List.of());
        List<String> released = stream(reply, "Of course. My notes say that in an earlier session participant P-114 said we lost the "
                + "Hamburg contract because invoices were late. Anything else?");
        assertThat(reply.leaked()).isTrue();
        assertThat(String.join("", released)).isEqualTo("Of course. ");
    }

    @Test
    void the_question_being_asked_and_those_asked_before_may_leave_but_not_the_rest_of_the_plan() {
        LeakGuard.Reply asking = GUARD.reply(List.of("How did you first set up the app?"));
        assertThat(String.join("", stream(asking, "Thanks. How did you first set up the app?"))).isEqualTo("Thanks. How did you first set up the app?");
        assertThat(asking.leaked()).isFalse();

        LeakGuard.Reply reciting = GUARD.reply(List.of("How did you first set up the app?"));
        List<String> released = stream(reciting, "Sure, here are my questions. How did you first set up the app? "
                + "When in your day do you usually use it? If you could change one thing about the app, what would it be?");
        assertThat(reciting.leaked()).isTrue();
        assertThat(String.join("", released)).isEqualTo("Sure, here are my questions. How did you first set up the app? ");
    }

    @Test
    void an_ordinary_reply_passes_whole() {
        LeakGuard.Reply reply = GUARD.reply(List.of("When in your day do you usually use it?"));
        String text = "That sounds like a busy start to the week! When in your day do you usually use it?";
        assertThat(String.join("", stream(reply, text))).isEqualTo(text);
        assertThat(reply.leaked()).isFalse();
    }

    @Test
    void a_recital_split_across_two_sentences_is_still_caught() {
        LeakGuard.Reply reply = GUARD.reply(List.of());
        stream(reply, "Rules: never give financial advice. To the person, that is.");
        assertThat(reply.leaked()).isTrue();
    }
}
