package dev.chassis.research.synthesis.phrase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        InputStream in = SupportVerbs.class.getResourceAsStream(FILE);
        if (in == null) {
            throw new IllegalStateException("the support verb list " + FILE + " is missing from the class path; synthesis needs it");
        }
        Map<String, List<String>> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                List<String> words = List.of(line.substring(colon + 1).strip().toLowerCase(Locale.ROOT).split("\\s+"));
                out.put(line.substring(0, colon).strip(), words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
        return Map.copyOf(out);
    }
}
