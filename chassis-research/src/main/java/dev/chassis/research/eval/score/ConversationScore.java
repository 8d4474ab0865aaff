package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.AnswerNote.Kind;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.reading.LanguageData;
import dev.chassis.testkit.participant.reading.Languages;
import dev.chassis.testkit.participant.reading.Phrases;
import dev.chassis.testkit.participant.reading.QuestionChecker;
import dev.chassis.testkit.participant.reading.Sentences;
import dev.chassis.testkit.participant.reading.Tokens;
import dev.chassis.testkit.participant.reading.Tone;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the interviewer listened: hidden facts elicited, hard moments acknowledged before any new
 * question, refused topics left alone, acknowledgements that fit (no praise for a refusal, a filler
 * or a hard moment), and quotes of the participant's words cut at phrase boundaries.
 *
 * @param facts         hidden facts the participant revealed
 * @param factsHidden   hidden facts the persona has
 * @param disclosures   hard moments the participant shared
 * @param acknowledged  of those, acknowledged in the next turn before anything was asked
 * @param refused       topics the participant refused
 * @param reasked       questions that asked a refused topic again
 * @param unfitting     turns that praised a refusal, a filler or a hard moment
 * @param fitChances    answers after which praise would not fit
 * @param quotes        the participant's words quoted back
 * @param quotesCut     of those, quotes that start or end in the middle of a phrase
 */
public record ConversationScore(int facts, int factsHidden, int disclosures, int acknowledged, int refused, int reasked,
                                int unfitting, int fitChances, int quotes, int quotesCut) {

    static ConversationScore of(Exchange x) {
        Set<Integer> revealed = new HashSet<>();
        x.answers().forEach(a -> a.fact().ifPresent(revealed::add));
        int disclosures = 0;
        int acknowledged = 0;
        int unfitting = 0;
        int chances = 0;
        Set<Integer> refusedTopics = new HashSet<>();
        int reasked = 0;
        for (AnswerNote a : x.answers()) {
            int k = a.number();
            if (k >= x.interviewer().size()) {
                break;
            }
            String next = x.interviewer().get(k).text();
            String language = Reading.of(x, k);
            if (a.is(Kind.EMOTIONAL)) {
                disclosures++;
                acknowledged += acknowledges(x, k) ? 1 : 0;
            }
            if (a.is(Kind.EMOTIONAL) || a.is(Kind.REFUSAL) || a.is(Kind.FILLER)) {
                chances++;
                unfitting += Tone.praises(next, language) ? 1 : 0;
            }
            if (a.is(Kind.REFUSAL) && a.refusal().isPresent() && refusedTopics.add(a.refusal().getAsInt())) {
                reasked += askedAgain(x, k, x.persona().refusals().get(a.refusal().getAsInt()));
            }
        }
        int quotes = 0;
        int cut = 0;
        for (int k = 1; k < x.interviewer().size(); k++) {
            for (String q : Sentences.quotes(x.interviewer().get(k).text())) {
                String source = sourceOf(x, k, q);
                if (source != null) {
                    quotes++;
                    cut += wellCut(source, q, Reading.of(x, k)) ? 0 : 1;
                }
            }
        }
        return new ConversationScore(revealed.size(), x.persona().lines().facts().size(), disclosures, acknowledged, refusedTopics.size(),
                reasked, unfitting, chances, quotes, cut);
    }

    /** Whether the interviewer's turn after answer {@code k} meets it with empathy before asking anything, and praises nothing. */
    public static boolean acknowledges(Exchange x, int k) {
        String next = x.interviewer().get(k).text();
        String language = Reading.of(x, k);
        return Tone.empathyFirst(next, language) && !Tone.praises(next, language);
    }

    /** Questions from turn {@code from} on that ask about the refused topic again. */
    private static int askedAgain(Exchange x, int from, Persona.Refusal r) {
        int n = 0;
        for (int k = from; k < x.interviewer().size(); k++) {
            List<String> asking = QuestionChecker.check(x.interviewer().get(k).text(), Reading.of(x, k)).asking();
            String asked = Phrases.lower(String.join(" ", asking));
            n += r.keywords().stream().anyMatch(w -> startsWord(asked, w.toLowerCase(Locale.ROOT))) ? 1 : 0;
        }
        return n;
    }

    private static boolean startsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The participant's answer, before turn {@code k}, that the quote comes from; null when it is not theirs. */
    private static String sourceOf(Exchange x, int k, String quote) {
        String q = Phrases.lower(quote).replaceAll("[.!?…]+$", "").strip();
        if (q.isEmpty()) {
            return null;
        }
        for (int j = Math.min(k, x.answers().size()); j >= 1; j--) {
            String a = x.answers().get(j - 1).text();
            if (Phrases.lower(a).contains(q)) {
                return a;
            }
        }
        return null;
    }

    /**
     * A quote that begins and ends where a phrase does: at punctuation or the answer's ends, or next
     * to a function word ("...I set it up | because..."), never ending on one ("importing our old | boards") nor right
     * before a determiner ("I tried was moving | our checklist": what was moved is cut off).
     */
    static boolean wellCut(String source, String quote, String language) {
        String s = Phrases.lower(source);
        String q = Phrases.lower(quote).replaceAll("[.!?…,;:]+$", "").strip();
        int at = s.indexOf(q);
        if (at < 0 || Phrases.unspaced(q)) {
            return true;
        }
        Set<String> function = Languages.of(language).map(LanguageData::function).orElse(Set.of());
        Set<String> determiners = Languages.of(language).map(LanguageData::determiners).orElse(Set.of());
        String before = s.substring(0, at).stripTrailing();
        String after = s.substring(at + q.length()).stripLeading();
        List<String> words = Tokens.words(q);
        boolean start = before.isEmpty() || !Phrases.wordChar(before.charAt(before.length() - 1))
                || function.contains(before.substring(before.lastIndexOf(' ') + 1));
        String next = after.split("[^\\p{L}\\p{N}']", 2)[0];
        boolean end = after.isEmpty() || !Phrases.wordChar(after.charAt(0))
                || function.contains(next) && !determiners.contains(next) && !function.contains(words.getLast());
        return start && end;
    }
}
