package dev.chassis.talk.steer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prepositions of every supported language, that a quote is cut before, and its postpositions, that a quote is cut
 * after, kept as data in {@code prepositions.txt}: one {@code code: word word ...} or {@code code post: word word ...}
 * a line. Read once; a bad line is refused naming the file, the line and the field, and what to do.
 */
final class Prepositions {

    static final String FILE = "prepositions.txt";
    private static final Map<String, Set<String>> LOADED = load();
    private static final String POST = " post";

    private Prepositions() {
    }

    /** The prepositions of {@code language} (words a phrase starts with); empty for a language without a line. */
    static Set<String> of(String language) {
        return LOADED.getOrDefault(language, Set.of());
    }

    /** The postpositions of {@code language} (words a phrase ends with); empty for a language without a "post" line. */
    static Set<String> post(String language) {
        return LOADED.getOrDefault(language + POST, Set.of());
    }

    /** The languages the file has a line for, of either kind. */
    static Set<String> languages() {
        return LOADED.keySet().stream().map(k -> k.replace(POST, "")).collect(java.util.stream.Collectors.toSet());
    }

    private static Map<String, Set<String>> load() {
        return LanguageLines.sets(LanguageLines.load(FILE, "\\s+", LanguageLines::word, LanguageLines.WORDS_HINT, List.of("post")));
    }

    /**
     * The words written in {@code text}, by language code (postpositions under the code and " post").
     *
     * @throws IllegalArgumentException naming the file, line and field of the first bad line, and what to do
     */
    static Map<String, Set<String>> parse(String file, String text) {
        return LanguageLines.sets(LanguageLines.parse(file, text, "\\s+", LanguageLines::word, LanguageLines.WORDS_HINT, List.of("post")));
    }
}
