package dev.chassis.talk.steer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The determiners of every supported language written with spaces (articles, possessives, demonstratives), that a quote
 * never ends right before: they open the noun phrase the word before them needs. Kept as data in {@code determiners.txt},
 * one {@code code: word word ...} a line; read once; a bad line is refused naming the file, the line and the field.
 */
final class Determiners {

    static final String FILE = "determiners.txt";
    private static final Map<String, Set<String>> LOADED = LanguageLines.sets(LanguageLines.load(FILE, "\\s+", LanguageLines::word, LanguageLines.WORDS_HINT, List.of()));

    private Determiners() {
    }

    /** The determiners of {@code language}; empty for a language without a line (one written without spaces). */
    static Set<String> of(String language) {
        return LOADED.getOrDefault(language, Set.of());
    }

    /** The languages the file has a line for. */
    static Set<String> languages() {
        return LOADED.keySet();
    }

    /**
     * The words written in {@code text}, by language code.
     *
     * @throws IllegalArgumentException naming the file, line and field of the first bad line, and what to do
     */
    static Map<String, Set<String>> parse(String file, String text) {
        return LanguageLines.sets(LanguageLines.parse(file, text, "\\s+", LanguageLines::word, LanguageLines.WORDS_HINT, List.of()));
    }
}
