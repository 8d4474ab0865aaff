package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A spoken reply's first piece goes to the synthesiser at its first sentence, or sooner at a clause of a few words. */
class FirstPieceTest {

    private static String first(String streamed) {
        return streamed.substring(0, VoiceSession.firstPieceEnd(streamed));
    }

    @Test
    void a_clause_of_a_few_words_goes_before_its_sentence_ends() {
        assertThat(first("Thanks for that, it helps to know. What")).isEqualTo("Thanks for that,");
        assertThat(first("When you started; the ")).isEqualTo("When you started;");
    }

    @Test
    void a_short_clause_waits_for_the_sentence() {
        assertThat(first("Right, give me a moment. Thanks")).isEqualTo("Right, give me a moment.");
        assertThat(first("Thanks, that")).isEmpty();
        assertThat(first("What made you start?")).as("no space after the mark yet").isEmpty();
    }
}
