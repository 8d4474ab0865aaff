package dev.chassis.talk.steer;

import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Map;

/**
 * Recognises an answer that offers more instead of giving it ("Happy to go into detail on that", "Je peux vous en dire
 * plus"), from the phrases of {@code offers.txt}: an invitation a researcher takes up by asking for the detail.
 */
final class Offers {

    static final String FILE = "offers.txt";
    private static final String HINT = "write phrases of words, separated by '|'";
    private static final Map<String, List<String>> LOADED = LanguageLines.load(FILE, "\\|", Offers::phrase, HINT, List.of());

    private Offers() {
    }

    /** Whether {@code answer} offers to say more, in {@code language}. */
    static boolean in(String answer, String language) {
        String lower = Cues.lower(answer);
        for (String p : LOADED.getOrDefault(language, List.of())) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The languages the file has a line for. */
    static java.util.Set<String> languages() {
        return LOADED.keySet();
    }

    /** {@link LanguageLines#parse} with this file's format, for tests of bad data. */
    static Map<String, List<String>> parse(String file, String text) {
        return LanguageLines.parse(file, text, "\\|", Offers::phrase, HINT, List.of());
    }

    private static boolean phrase(String p) {
        return p.matches("[\\p{L}\\p{M}][\\p{L}\\p{M}'’ -]*");
    }
}
