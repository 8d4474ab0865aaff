package dev.chassis.talk.steer;

import dev.chassis.core.input.DataLine;
import dev.chassis.talk.language.Languages;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Word lists per language kept as data in steering's resources: one {@code code: item item ...} a line (or
 * {@code code <kind>: ...} for a second list of the language), {@code #} comments. A bad line is refused naming the
 * file, the line and the field, and what to do.
 */
final class LanguageLines {

    private LanguageLines() {
    }

    /** The lists of a resource next to this class; a missing or unreadable resource is a broken build. */
    static Map<String, List<String>> load(String file, String separator, Predicate<String> item, String itemHint, List<String> kinds) {
        String text = DataLine.resource(LanguageLines.class, file)
                .orElseThrow(() -> new IllegalStateException("missing resource dev/chassis/talk/steer/" + file));
        return parse(file, text, separator, item, itemHint, kinds);
    }

    /**
     * The lists written in {@code text}, keyed by language code, or code, a space and kind (one of {@code kinds}).
     *
     * @throws IllegalArgumentException naming the file, line and field of the first bad line, and what to do
     */
    static Map<String, List<String>> parse(String file, String text, String separator, Predicate<String> item, String itemHint,
            List<String> kinds) {
        Map<String, List<String>> out = new HashMap<>();
        for (DataLine data : DataLine.of(file, text)) {
            String line = data.text();
            String where = data.where();
            int colon = line.indexOf(':');
            String[] key = colon < 0 ? new String[0] : line.substring(0, colon).strip().split("\\s+");
            if (colon < 0 || key.length > 2 || key.length == 2 && !kinds.contains(key[1])) {
                throw new IllegalArgumentException(where + ": expected 'code: ...'" + (kinds.isEmpty() ? "" : " or 'code "
                        + String.join(": ...' or 'code ", kinds) + ": ...'") + ", found '" + line + "'");
            }
            String code = key[0];
            if (!Languages.supported(code)) {
                throw new IllegalArgumentException(where + ", field 'language': '" + code + "' is not a supported language code; use one of "
                        + String.join(", ", Languages.CODES) + " or remove the line");
            }
            String name = String.join(" ", key);
            if (out.containsKey(name)) {
                throw new IllegalArgumentException(where + ", field 'language': '" + name + "' has a line already; merge the two lines");
            }
            String rest = line.substring(colon + 1).strip();
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(where + ", field 'words': nothing listed for '" + name + "'; " + itemHint);
            }
            List<String> items = List.of(rest.toLowerCase(Locale.ROOT).split(separator));
            for (String i : items) {
                if (!item.test(i.strip())) {
                    throw new IllegalArgumentException(where + ", field 'words': '" + i.strip() + "' is not allowed here; " + itemHint);
                }
            }
            out.put(name, items.stream().map(String::strip).toList());
        }
        return Map.copyOf(out);
    }

    /** What a word list's lines are told when an item is no word. */
    static final String WORDS_HINT = "write words of letters only, separated by spaces";

    /** Whether {@code w} is one word of letters (apostrophes and hyphens inside). */
    static boolean word(String w) {
        return w.matches("[\\p{L}\\p{M}][\\p{L}\\p{M}'’-]*");
    }

    /** The word lists as sets, by the same keys. */
    static Map<String, java.util.Set<String>> sets(Map<String, List<String>> lists) {
        Map<String, java.util.Set<String>> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, java.util.Set.copyOf(v)));
        return Map.copyOf(out);
    }
}
