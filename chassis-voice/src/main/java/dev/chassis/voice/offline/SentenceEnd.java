package dev.chassis.voice.offline;

import com.sun.jna.Pointer;
import dev.chassis.talk.voice.SpeechTranscript;
import dev.chassis.talk.voice.Word;
import java.util.List;

/**
 * Whether recognised words close a sentence, by the recogniser's own language model: the probability of the end of
 * sentence after the last two words ("like coffee" ends sentences, "in the" never does). pocketsphinx writes no
 * punctuation, so a transcript it judges closed gets the full stop a punctuating cloud recogniser would write, and the
 * end of turn reads it as closed. Called under the recognition's lock (the decoder is not thread-safe).
 */
final class SentenceEnd {

    /**
     * From this probability of the sentence ending here the words are taken as a closed sentence: on Debian's English
     * model closed answers ("i like coffee", "every day", "not really") score 0.11-0.50, words that need more ("i go to
     * work by", "we talked about", "i like") 0.003-0.07 ({@code SentenceEndTest}).
     */
    static final double CLOSES = 0.1;
    private static final String END = "</s>";

    private SentenceEnd() {
    }

    /** P(end of sentence | the last two words), 0 when there are none or the model cannot say. */
    static double probability(SphinxLibrary ps, SphinxLibrary.Base base, Pointer decoder, List<Word> words) {
        if (words.isEmpty()) {
            return 0;
        }
        Pointer lm = ps.ps_get_lm(decoder, "_default");
        Pointer logmath = ps.ps_get_logmath(decoder);
        if (lm == null || logmath == null) {
            return 0;
        }
        String last = words.getLast().text().toLowerCase(java.util.Locale.ROOT);
        String[] ngram = words.size() > 1 ? new String[] {END, last, words.get(words.size() - 2).text().toLowerCase(java.util.Locale.ROOT)}
                : new String[] {END, last, "<s>"};
        int log = base.ngram_prob(lm, ngram, ngram.length);
        return Math.exp(base.logmath_log_to_ln(logmath, log));
    }

    /** The words as a transcript, with a full stop when they close a sentence. */
    static SpeechTranscript transcript(SphinxLibrary ps, SphinxLibrary.Base base, Pointer decoder, List<Word> words, boolean isFinal,
                                       String language) {
        SpeechTranscript t = SpeechTranscript.of(words, isFinal, language);
        return probability(ps, base, decoder, words) >= CLOSES ? new SpeechTranscript(t.text() + ".", isFinal, t.words(), language) : t;
    }
}
