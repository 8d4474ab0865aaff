package dev.chassis.talk.steer;

import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phrases per language kept in a file of steering's ({@code code: phrase | phrase}), found where they stand in an answer:
 * how many words its sentence has before and after the phrase. "It depends." says nothing on what; "It depends on the
 * client" does. "I have to go." asks to stop; "I have to go through three screens" does not. Whole words only.
 */
final class Standing {

    /** Words of the phrase's sentence before and after it. */
    record Around(int before, int after) { }

    private static final String HINT = "write phrases of words, separated by '|'";
    private static final String SENTENCE_END = ".!?;。！？؟।\n";

    private final Map<String, List<String>> phrases;

    private Standing(Map<String, List<String>> phrases) {
        this.phrases = phrases;
    }

    /** The phrases of resource {@code file}; a bad line is refused naming the file, line and field. */
    static Standing load(String file) {
        return new Standing(LanguageLines.load(file, "\\|", Standing::phrase, HINT, List.of()));
    }

    /** The phrases written in {@code text}, for tests of bad data. */
    static Standing parse(String file, String text) {
        return new Standing(LanguageLines.parse(file, text, "\\|", Standing::phrase, HINT, List.of()));
    }

    /** The first of the language's phrases found in {@code answer}, with the words around it in its sentence. */
    Optional<Around> find(String answer, String language) {
        Cues cues = Cues.of(language);
        String lower = Cues.lower(answer);
        for (String p : phrases.getOrDefault(language, List.of())) {
            int at = cues.find(lower, p);
            if (at < 0) {
                continue;
            }
            int start = at;
            while (start > 0 && SENTENCE_END.indexOf(lower.charAt(start - 1)) < 0) {
                start--;
            }
            int end = at + p.length();
            int stop = end;
            while (stop < lower.length() && SENTENCE_END.indexOf(lower.charAt(stop)) < 0) {
                stop++;
            }
            return Optional.of(new Around(words(cues, lower.substring(start, at)), words(cues, lower.substring(end, stop))));
        }
        return Optional.empty();
    }

    /** The languages with a line. */
    java.util.Set<String> languages() {
        return phrases.keySet();
    }

    /** Words, punctuation and symbols set aside ("Depends, really." has one word after "depends"). */
    private static int words(Cues cues, String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.codePoints().forEach(c -> letters.appendCodePoint(Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK ? c : ' '));
        String t = letters.toString().strip();
        return t.isEmpty() ? 0 : cues.words(t);
    }

    private static boolean phrase(String p) {
        return p.matches("[\\p{L}\\p{M}][\\p{L}\\p{M}'’ -]*");
    }
}
