package dev.chassis.research.synthesis;

import dev.chassis.core.input.DataLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sentences that answer without saying anything ("It depends on the project.", "Hard to say."), by language, from
 * {@code non-answers.txt} beside this class: synthesis neither groups them into a theme nor quotes them, since they
 * illustrate nothing. A language without a line has none. Thread-safe (read at class initialisation).
 */
final class NonAnswers {

    private static final String FILE = "non-answers.txt";
    private static final Map<String, Pattern> BY_LANGUAGE = load();

    private NonAnswers() {
    }

    /** Whether {@code sentence} (its openers already cut) starts by declining to say, in {@code language}. */
    static boolean is(String sentence, String language) {
        Pattern p = BY_LANGUAGE.get(language);
        return p != null && p.matcher(sentence.strip().replace('’', '\'')).lookingAt();
    }

    private static Map<String, Pattern> load() {
        String text = DataLine.resource(NonAnswers.class, FILE).orElseThrow(() -> new IllegalStateException(
                "the non-answer list " + FILE + " is missing from the class path; synthesis needs it"));
        return parse(FILE, text);
    }

    /**
     * The patterns written in {@code text}.
     *
     * @throws IllegalArgumentException naming the file, line and field of the first bad line, and what to do
     */
    static Map<String, Pattern> parse(String file, String text) {
        Map<String, List<String>> phrases = new HashMap<>();
        Map<String, List<String>> leads = new HashMap<>();
        for (DataLine line : DataLine.of(file, text)) {
            int colon = line.text().indexOf(':');
            String[] key = colon < 0 ? new String[0] : line.text().substring(0, colon).strip().split("\\s+");
            if (colon < 0 || key.length > 2 || key.length == 2 && !key[1].equals("lead")) {
                throw new IllegalArgumentException(line.where() + ": expected 'code: phrase | phrase' or 'code lead: phrase | phrase', found '"
                        + line.text() + "'");
            }
            List<String> items = new ArrayList<>();
            for (String item : line.text().substring(colon + 1).split("\\|")) {
                if (item.isBlank()) {
                    throw new IllegalArgumentException(line.where() + ", field '" + String.join(" ", key)
                            + "': an empty phrase (two '|' in a row, or one at the end?); write a phrase or remove the '|'");
                }
                items.add(item.strip().toLowerCase(Locale.ROOT));
            }
            (key.length == 2 ? leads : phrases).computeIfAbsent(key[0], k -> new ArrayList<>()).addAll(items);
        }
        Map<String, Pattern> out = new HashMap<>();
        phrases.forEach((language, said) -> out.put(language, Pattern.compile("(?:" + alternatives(leads.getOrDefault(language, List.of()))
                + "\\s*,?\\s+)?" + alternatives(said) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        return Map.copyOf(out);
    }

    private static String alternatives(List<String> phrases) {
        if (phrases.isEmpty()) {
            return "(?!)";
        }
        return "(?:" + String.join("|", phrases.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q")).toList()) + ")";
    }
}
