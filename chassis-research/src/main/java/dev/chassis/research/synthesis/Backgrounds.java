package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is known about each session's participant, for comparing themes across segments: the
 * transcript's background fields, plus the interview language when the sessions were held in more than
 * one. Stateless.
 */
final class Backgrounds {

    static final String LANGUAGE = "language";

    private Backgrounds() {
    }

    static Map<String, Map<String, String>> of(List<Transcript> transcripts) {
        Set<String> languages = new HashSet<>();
        transcripts.forEach(t -> languages.add(SessionLanguage.of(t)));
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Transcript t : transcripts) {
            Map<String, String> fields = new TreeMap<>(t.background());
            if (languages.size() > 1) {
                fields.putIfAbsent(LANGUAGE, SessionLanguage.of(t));
            }
            if (!fields.isEmpty()) {
                out.put(t.id(), fields);
            }
        }
        return out;
    }
}
