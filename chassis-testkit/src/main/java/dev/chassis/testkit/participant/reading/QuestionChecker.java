package dev.chassis.testkit.participant.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges what an interviewer asks, in the language's own words: leading (it suggests the answer),
 * double-barrelled (two questions in one), closed (yes or no where an open question was needed). An
 * independent checker: its word lists and labelled examples are its own, and its precision and
 * recall on those examples are reported ({@link CheckerAccuracy}). Stateless and thread-safe.
 */
public final class QuestionChecker {

    /**
     * What a turn asks and how.
     *
     * @param asks   whether it asks anything (a question, or a request such as "tell me about...")
     * @param asking the sentences that ask, quotes set aside
     */
    public record Verdict(boolean asks, List<String> asking, boolean leading, boolean doubleBarrelled, boolean closed) {
        public Verdict {
            asking = List.copyOf(asking);
        }

        /** Leading or double-barrelled: a question that spoils its answer. */
        public boolean bad() {
            return leading || doubleBarrelled;
        }
    }

    private QuestionChecker() {
    }

    /** Whether {@code language} has the words this checker needs. */
    public static boolean reads(String language) {
        return Languages.of(language).flatMap(LanguageData::question).isPresent();
    }

    /**
     * The verdict on what {@code turn} asks. Each sentence is read in the language it is surely in, else
     * in {@code language} (English when that language has no question words): a turn that mixes
     * languages is still judged sentence by sentence.
     */
    public static Verdict check(String turn, String language) {
        List<String> asking = new ArrayList<>();
        boolean leading = false;
        boolean doubled = false;
        boolean open = false;
        int questions = 0;
        for (String s : Sentences.split(Sentences.withoutQuotes(turn))) {
            LanguageData.QuestionWords w = words(LanguageDetector.sentence(s).filter(LanguageDetector.Guess::sure)
                    .map(LanguageDetector.Guess::language).filter(QuestionChecker::reads).orElse(language));
            String lower = Phrases.lower(s);
            if (!Sentences.isQuestion(s) && !Phrases.any(lower, w.openRequests())) {
                continue;
            }
            asking.add(s);
            questions += Sentences.isQuestion(s) ? 1 : 0;
            leading |= Phrases.any(lower, w.leading());
            boolean two = joinsTwo(lower, w) || Phrases.any(lower, w.doubled());
            doubled |= two;
            open |= open(lower, w) && (two || !endsYesNo(lower, w));
        }
        if (asking.isEmpty()) {
            return new Verdict(false, List.of(), false, false, false);
        }
        return new Verdict(true, asking, leading, doubled || questions > 1, !open);
    }


    private static LanguageData.QuestionWords words(String language) {
        return Languages.of(language).flatMap(LanguageData::question)
                .orElseGet(() -> Languages.of("en").flatMap(LanguageData::question).orElseThrow());
    }

    /**
     * Whether the question ends with a yes/no frame that makes its question words indefinite (Vietnamese
     * "có ai giúp chị không?", did anyone help you): the marks of {@code yesNoMarks} that end with '?'.
     */
    private static boolean endsYesNo(String lower, LanguageData.QuestionWords w) {
        String s = lower.strip();
        return w.yesNoMarks().stream().filter(m -> m.endsWith("?"))
                .anyMatch(m -> s.endsWith(m) && (s.length() == m.length() || !Phrases.wordChar(s.charAt(s.length() - m.length() - 1))));
    }

    /** An open question: a question word (not one that opens a yes/no question), or a request to tell. */
    private static boolean open(String lower, LanguageData.QuestionWords w) {
        if (Phrases.any(lower, w.openRequests())) {
            return true;
        }
        int start = Phrases.start(lower);
        for (String q : w.interrogatives()) {
            for (int i = Phrases.indexOf(lower, q, 0); i >= 0; i = Phrases.indexOf(lower, q, i + 1)) {
                int end = i + q.length() - (q.startsWith("^") ? 1 : 0);
                if (end < lower.length() && lower.charAt(end) == '-') { // когда-нибудь, де-небудь: "ever", "somewhere", not a question word
                    continue;
                }
                boolean yesNoStart = i == start && w.closedStarts().stream().anyMatch(c -> Phrases.indexOf(lower, c, 0) == start
                        && c.length() >= q.length());
                if (!yesNoStart && (w.frontWords() < 0 || wordsBefore(lower, i) <= w.frontWords())) {
                    return true;
                }
                if (q.startsWith("^")) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * Two questions joined into one: a question word (or yes/no opener) before a joiner, and a question
     * word or auxiliary within reach after it ("what did you like and what would you change").
     */
    private static boolean joinsTwo(String lower, LanguageData.QuestionWords w) {
        for (String j : w.joiners()) {
            for (int at = Phrases.indexOf(lower, j, 0); at >= 0; at = Phrases.indexOf(lower, j, at + 1)) {
                String before = lower.substring(0, at);
                String after = lower.substring(at + j.length());
                if (asksIn(before, w) && asksWithin(after, w)) {
                    return true;
                }
            }
        }
        return joinsByAffix(lower, w);
    }

    /** Two questions joined by a joiner written onto a word: Hebrew ו before "what", Korean ~고 after a verb. */
    private static boolean joinsByAffix(String lower, LanguageData.QuestionWords w) {
        for (String affix : w.joinerAffixes()) {
            boolean prefix = affix.endsWith("~");
            String a = prefix ? affix.substring(0, affix.length() - 1) : affix.substring(1);
            int start = Phrases.start(lower);
            for (int i = 0; i < lower.length(); ) {
                int end = i;
                while (end < lower.length() && Phrases.wordChar(lower.charAt(end))) {
                    end++;
                }
                String word = lower.substring(i, end);
                if (word.length() > a.length() && i > start && (prefix ? word.startsWith(a) : word.endsWith(a))) {
                    String before = prefix ? lower.substring(0, i) : lower.substring(0, end);
                    String after = prefix ? lower.substring(i + a.length()) : lower.substring(end);
                    if (asksIn(before, w) && asksWithin(after, w)) {
                        return true;
                    }
                }
                i = end == i ? i + 1 : end;
            }
        }
        return false;
    }

    private static boolean asksIn(String before, LanguageData.QuestionWords w) {
        for (String q : w.interrogatives()) {
            if (Phrases.indexOf(before, q.startsWith("^") ? q.substring(1) : q, 0) >= 0) {
                return true;
            }
        }
        return w.auxiliaries().stream().anyMatch(a -> Phrases.indexOf(before, "^" + a, 0) >= 0)
                || w.closedStarts().stream().anyMatch(c -> Phrases.indexOf(before, "^" + c, 0) >= 0);
    }

    private static boolean asksWithin(String after, LanguageData.QuestionWords w) {
        if (Phrases.any(after, w.yesNoMarks())) { // "why did you leave, and did you try the cheaper plan?" with a particle
            return true;
        }
        if (Phrases.unspaced(after)) {
            return Phrases.any(after, w.interrogatives());
        }
        List<Integer> starts = wordStarts(after, w.joinerReach());
        for (int s : starts) {
            String rest = after.substring(s);
            for (String q : w.interrogatives()) {
                if (Phrases.indexOf(rest, "^" + (q.startsWith("^") ? q.substring(1) : q), 0) >= 0) {
                    return true;
                }
            }
        }
        if (!starts.isEmpty()) {
            String rest = after.substring(starts.getFirst());
            return w.auxiliaries().stream().anyMatch(a -> Phrases.indexOf(rest, "^" + a, 0) >= 0);
        }
        return false;
    }

    /** How many words come before position {@code i} in its clause ("when the refund came": a clause, not a question). */
    private static int wordsBefore(String s, int i) {
        int words = 0;
        boolean in = false;
        for (int k = i - 1; k >= 0; k--) {
            char c = s.charAt(k);
            if (",;:—–(¿¡\"«،、".indexOf(c) >= 0) {
                break;
            }
            boolean w = Phrases.wordChar(c);
            if (w && !in) {
                words++;
            }
            in = w;
        }
        return words;
    }

    /** Where the first {@code n} words of {@code s} start. */
    private static List<Integer> wordStarts(String s, int n) {
        List<Integer> out = new ArrayList<>();
        boolean in = false;
        for (int i = 0; i < s.length() && out.size() < n; i++) {
            boolean w = Phrases.wordChar(s.charAt(i));
            if (w && !in) {
                out.add(i);
            }
            in = w;
        }
        return out;
    }
}
