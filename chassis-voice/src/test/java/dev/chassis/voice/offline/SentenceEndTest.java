package dev.chassis.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.SpeechTranscript;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** pocketsphinx's transcripts close a sentence with a full stop when its language model says the sentence ends there. */
class SentenceEndTest {

    private static final PocketSphinx STT = PocketSphinx.create();

    private static double ends(String words) {
        return STT.sentenceEnds(Arrays.asList(words.split(" ")));
    }

    @Test
    void the_language_model_tells_closed_words_from_words_that_need_more() {
        for (String closed : new String[] {"i like coffee", "i do not think so", "in the morning", "by train", "i like it", "yes", "i think so", "every day",
                "about twice a week", "it was fine", "not really", "i use it every day", "my team"}) {
            assertThat(ends(closed)).as("'%s' closes a sentence", closed).isGreaterThanOrEqualTo(SentenceEnd.CLOSES);
        }
        for (String open : new String[] {"i started with the", "i go to work by", "we talked about", "and then i", "it was a very", "i think", "the",
                "because", "i like", "we were", "i walk to work in"}) {
            assertThat(ends(open)).as("'%s' needs more", open).isLessThan(SentenceEnd.CLOSES);
        }
    }

    @Test
    void a_recognised_finished_sentence_ends_with_a_full_stop_its_words_without() throws Exception {
        short[] audio = OfflineEnginesTest.speak("No, I do not think so.", "en-us+f2");
        SpeechTranscript t;
        try (SpeechToText.Recognition r = STT.start("en", x -> { })) {
            for (int i = 0; i < audio.length; i += 320) {
                r.feed(audio, i, Math.min(320, audio.length - i));
            }
            t = r.finish().get(10, TimeUnit.SECONDS);
        }
        assertThat(t.text()).endsWith("think so.");
        assertThat(t.words().getLast().text()).isEqualTo("so");
    }
}
