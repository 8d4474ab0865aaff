package dev.chassis.talk.steer;

import dev.chassis.talk.language.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
        try (InputStream in = Prepositions.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/chassis/talk/steer/" + FILE);
            }
            return parse(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " could not be read", e);
        }
    }

    /**
     * The words written in {@code text}, by language code (postpositions under the code and " post").
     *
     * @throws IllegalArgumentException naming the file, line and field of the first bad line, and what to do
     */
    static Map<String, Set<String>> parse(String file, String text) {
        Map<String, Set<String>> out = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ", line " + (n + 1);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": expected 'code: word word ...' or 'code post: word word ...', found '" + line + "'");
            }
            String key = line.substring(0, colon).strip().replaceAll("\\s+", " ");
            String code = key.endsWith(POST) ? key.substring(0, key.length() - POST.length()) : key;
            if (!Languages.supported(code)) {
                throw new IllegalArgumentException(where + ", field 'language': '" + code + "' is not a supported language code; use one of "
                        + String.join(", ", Languages.CODES) + " or remove the line");
            }
            if (out.containsKey(key)) {
                throw new IllegalArgumentException(where + ", field 'language': '" + key + "' has a line already; merge the two lines");
            }
            String words = line.substring(colon + 1).strip();
            if (words.isEmpty()) {
                throw new IllegalArgumentException(where + ", field 'words': no words for '" + code + "'; list them after the colon, separated by spaces");
            }
            for (String w : words.split("\\s+")) {
                if (!w.matches("[\\p{L}\\p{M}][\\p{L}\\p{M}'’-]*")) {
                    throw new IllegalArgumentException(where + ", field 'words': '" + w + "' is not a word (letters only, separated by spaces); fix or remove it");
                }
            }
            out.put(key, Set.copyOf(List.of(words.toLowerCase(java.util.Locale.ROOT).split("\\s+"))));
        }
        return Map.copyOf(out);
    }
}
