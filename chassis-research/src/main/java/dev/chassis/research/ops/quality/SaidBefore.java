package dev.chassis.research.ops.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an answer opens by saying it repeats what the person already said ("Like I said, ...", "Wie gesagt, ...",
 * "如我所说"), in any of the supported languages ({@code said-before.yaml}). Such a repeat tells that the interviewer
 * asked again, not that the person stopped trying. Immutable; thread-safe.
 */
final class SaidBefore {

    private static final List<String> LEAD_INS = load();

    private SaidBefore() { }

    /** Whether {@code answer} begins with a lead-in that marks it as said before. */
    static boolean opens(String answer) {
        String start = answer.strip().toLowerCase(Locale.ROOT).replaceFirst("^[\\p{Punct}\\p{Ps}\\p{Pi}\\s]+", "");
        for (String lead : LEAD_INS) {
            if (start.startsWith(lead) && (start.length() == lead.length() || !Character.isLetter(start.codePointAt(lead.length()))
                    || !Character.isLetter(lead.codePointBefore(lead.length())) || unspaced(lead))) {
                return true;
            }
        }
        return false;
    }

    /** Scripts written without spaces between words: a lead-in is followed by the next word directly. */
    private static boolean unspaced(String lead) {
        int c = lead.codePointAt(0);
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.THAI;
    }

    private static List<String> load() {
        try (InputStream in = SaidBefore.class.getResourceAsStream("said-before.yaml")) {
            Map<String, List<String>> byLanguage = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
            // longest first: "as i said before" is seen whole, not as "as i said"
            return byLanguage.values().stream().flatMap(List::stream).map(s -> s.toLowerCase(Locale.ROOT))
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("said-before.yaml could not be read from the research module's resources", e);
        }
    }
}
