package dev.chassis.talk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which part of a spoken reply was heard when playback stopped, from the pieces' play times and the word timings. */
class ReplyPlaybackTest {

    private static final int RATE = 16_000;
    private static final long MS = 1_000_000L;
    private static final String FIRST = "Thanks for joining.";
    private static final String SECOND = "How did you start using it?";
    private static final String REPLY = FIRST + " " + SECOND;

    /** The reply's two sentences: the first 1.2 s of audio from t=0, the second 1.5 s right after it, in 100 ms pieces. */
    private static ReplyPlayback spoken(boolean withTimings) {
        ReplyPlayback p = new ReplyPlayback(1, RATE);
        ReplyPlayback.Sentence a = p.sentence(0, FIRST);
        pieces(a, 0, 1_200);
        a.spoken(new TextToSpeech.Spoken(withTimings ? List.of(Word.ofMillis("Thanks", 0, 400), Word.ofMillis("for", 400, 600),
                Word.ofMillis("joining", 600, 1_200)) : List.of(), Duration.ofMillis(1_200), false));
        ReplyPlayback.Sentence b = p.sentence(FIRST.length() + 1, SECOND);
        pieces(b, 1_200, 1_500);
        b.spoken(new TextToSpeech.Spoken(withTimings ? List.of(Word.ofMillis("How", 0, 200), Word.ofMillis("did", 200, 400),
                Word.ofMillis("you", 400, 600), Word.ofMillis("start", 600, 900), Word.ofMillis("using", 900, 1_200),
                Word.ofMillis("it", 1_200, 1_500)) : List.of(), Duration.ofMillis(1_500), false));
        return p;
    }

    private static void pieces(ReplyPlayback.Sentence s, long fromMs, long lengthMs) {
        for (long at = 0; at < lengthMs; at += 100) {
            s.piece((fromMs + at) * MS, (int) (Math.min(100, lengthMs - at) * RATE / 1000));
        }
    }

    @Test
    void the_heard_part_ends_with_the_last_word_whose_sound_had_played() {
        ReplyPlayback p = spoken(true);
        assertThat(REPLY.substring(0, p.heardCharacters(0))).isEmpty();
        assertThat(REPLY.substring(0, p.heardCharacters(500 * MS))).isEqualTo("Thanks");
        assertThat(REPLY.substring(0, p.heardCharacters(1_100 * MS))).isEqualTo("Thanks for");
        assertThat(REPLY.substring(0, p.heardCharacters(1_250 * MS))).as("the first sentence played to its end")
                .isEqualTo(FIRST);
        assertThat(REPLY.substring(0, p.heardCharacters(2_000 * MS))).isEqualTo(FIRST + " How did you");
        assertThat(REPLY.substring(0, p.heardCharacters(2_150 * MS))).isEqualTo(FIRST + " How did you start");
        assertThat(p.heardCharacters(9_000 * MS)).isEqualTo(REPLY.length());
    }

    @Test
    void a_sentence_stopped_in_synthesis_counts_only_the_words_it_produced_and_played() {
        ReplyPlayback p = new ReplyPlayback(0, RATE);
        ReplyPlayback.Sentence a = p.sentence(0, SECOND);
        pieces(a, 0, 500);
        a.spoken(new TextToSpeech.Spoken(List.of(Word.ofMillis("How", 0, 200), Word.ofMillis("did", 200, 400)),
                Duration.ofMillis(500), true));
        assertThat(SECOND.substring(0, p.heardCharacters(5_000 * MS))).isEqualTo("How did");
    }

    @Test
    void without_word_timings_the_played_share_of_the_text_is_cut_at_a_word() {
        ReplyPlayback p = spoken(false);
        String heard = REPLY.substring(0, p.heardCharacters(600 * MS));
        assertThat(heard).isEqualTo("Thanks");
        assertThat(REPLY.substring(0, p.heardCharacters(1_300 * MS))).isEqualTo(FIRST);
    }

    @Test
    void audio_not_yet_synthesised_whole_counts_nothing_without_timings() {
        ReplyPlayback p = new ReplyPlayback(0, RATE);
        pieces(p.sentence(0, FIRST), 0, 600);
        assertThat(p.heardCharacters(5_000 * MS)).isZero();
    }
}
