package dev.chassis.testkit.participant.reading;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a listener knows of one language: its scripts, its most frequent words and distinctive
 * letters (to recognise it), and optionally the words that make a question open, leading or
 * double-barrelled, the words of tone, and the forms of address. Loaded by {@link Languages}.
 *
 * @param code      ISO 639-1 code
 * @param scripts   the scripts it is written in
 * @param frequent  its most frequent words, lower case
 * @param function  its function words (articles, pronouns, prepositions, conjunctions, auxiliaries):
 *                  not content, and where a phrase may end; the frequent words when not given
 * @param determiners its articles, possessives and demonstratives: function words a phrase does not end right before,
 *                  since they open the object of the word before them; empty when not given
 * @param endings   word endings typical of it (-ción, -ung), weaker evidence than whole words
 * @param letters   letters rare in its neighbours (ñ, ß, ã...)
 * @param inflects  whether its words change their endings (cases, plurals: тетрадь, в тетради; konkret, konkreten), so a
 *                  listener hears a word in its other forms ({@link Inflected})
 */
public record LanguageData(String code, Set<Character.UnicodeScript> scripts, Set<String> frequent, Set<String> function, Set<String> determiners,
                           List<String> endings,
                           String letters, boolean inflects,
                           Optional<QuestionWords> question, Optional<ToneWords> tone, Optional<Register> register) {

    public LanguageData {
        Objects.requireNonNull(code, "code");
        scripts = Set.copyOf(scripts);
        frequent = Set.copyOf(frequent);
        function = Set.copyOf(function);
        determiners = Set.copyOf(determiners);
        endings = List.copyOf(endings);
    }

    /**
     * Words that shape a question. A phrase starting with {@code ^} counts only at the start of the
     * question.
     *
     * @param interrogatives words that ask an open question (what, how, wie, 何...)
     * @param closedStarts   interrogatives that ask yes or no when they open the question (hi क्या, ar هل)
     * @param openRequests   requests that open a topic without a question word (tell me, describe)
     * @param leading        phrases that suggest the answer
     * @param joiners        words that join two questions into one (and, or)
     * @param auxiliaries    verbs that start a second question right after a joiner (did, would)
     * @param doubled        phrases that are a second question by themselves (ar وهل)
     * @param joinerReach    how many words after a joiner a second question word may come
     * @param frontWords     in languages that front their question words, how many words may come
     *                       before one in its clause ("in which", "and how"); -1 where they stay in place
     * @param yesNoMarks     particles or endings that make a clause a yes/no question (ru ли, tr mı, zh 吗,
     *                       fi ~ko): after a joiner, a second question even without a question word
     * @param joinerAffixes  a joiner written onto the next word ({@code ו~}, Hebrew "and what") or onto the
     *                       end of the verb before ({@code ~고}, Korean "...and")
     */
    public record QuestionWords(List<String> interrogatives, List<String> closedStarts, List<String> openRequests, List<String> leading,
                                List<String> joiners, List<String> auxiliaries, List<String> doubled, int joinerReach,
                                int frontWords, List<String> yesNoMarks, List<String> joinerAffixes) {
        public QuestionWords {
            interrogatives = List.copyOf(interrogatives);
            closedStarts = List.copyOf(closedStarts);
            openRequests = List.copyOf(openRequests);
            leading = List.copyOf(leading);
            joiners = List.copyOf(joiners);
            auxiliaries = List.copyOf(auxiliaries);
            doubled = List.copyOf(doubled);
            yesNoMarks = List.copyOf(yesNoMarks);
            joinerAffixes = List.copyOf(joinerAffixes);
        }
    }

    /**
     * Words of tone.
     *
     * @param warm     a friendly acknowledgement (thanks, I see)
     * @param empathy  acknowledging something hard (I'm sorry, take your time)
     * @param praise   calling an answer good (useful, great)
     * @param specific asking for a concrete instance (last time, for example)
     * @param contrast setting two statements side by side (earlier, which is closer)
     * @param reconcile asking how two statements go together (how do those fit, which is closer, both): not a mere "earlier"
     *                  or "you mentioned", which a follow-up on one statement says too
     */
    public record ToneWords(List<String> warm, List<String> empathy, List<String> praise, List<String> specific, List<String> contrast,
                            List<String> reconcile) {
        public ToneWords {
            warm = List.copyOf(warm);
            empathy = List.copyOf(empathy);
            praise = List.copyOf(praise);
            specific = List.copyOf(specific);
            contrast = List.copyOf(contrast);
            reconcile = List.copyOf(reconcile);
        }
    }

    /** Forms of address; {@code caseSensitive} where case tells them apart (German Sie / sie). */
    public record Register(boolean caseSensitive, List<String> formal, List<String> informal) {
        public Register {
            formal = List.copyOf(formal);
            informal = List.copyOf(informal);
        }
    }
}
