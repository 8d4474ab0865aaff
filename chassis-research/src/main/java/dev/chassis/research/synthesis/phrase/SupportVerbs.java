package dev.chassis.research.synthesis.phrase;

import dev.chassis.core.input.DataLine;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The support verbs of each language, read once from {@code support-verbs.txt} beside this class: data,
 * so that a language is added by a line, not by code. Thread-safe (read at class initialisation).
 */
final class SupportVerbs {

    private static final String FILE = "support-verbs.txt";
    private static final Map<String, List<String>> BY_LANGUAGE = load();

    private SupportVerbs() {
    }

    /** The words listed for a language; none for a language without a line. */
    static List<String> of(String language) {
        return BY_LANGUAGE.getOrDefault(language, List.of());
    }

    private static Map<String, List<String>> load() {
        String text = DataLine.resource(SupportVerbs.class, FILE).orElseThrow(() -> new IllegalStateException(
                "the support verb list " + FILE + " is missing from the class path; synthesis needs it"));
        Map<String, List<String>> out = new HashMap<>();
        for (DataLine line : DataLine.of(FILE, text)) {
            int colon = line.text().indexOf(':');
            if (colon >= 0) {
                out.put(line.text().substring(0, colon).strip(),
                        List.of(line.text().substring(colon + 1).strip().toLowerCase(Locale.ROOT).split("\\s+")));
            }
        }
        return Map.copyOf(out);
    }
}
