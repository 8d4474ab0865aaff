package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was learnt across sessions. Every quote in it has passed {@link QuoteVerifier} (the synthesiser
 * guarantees it; {@link #quotes()} lets a report check again).
 *
 * @param sessions       the session ids, in order
 * @param themes         most widespread first
 * @param coverage       per objective
 * @param contradictions per session id (sessions without any are absent)
 * @param engagement     per session
 * @param method         how it was made, for example {@code keywords} or {@code embeddings (all-minilm-l6-v2-q) + openai:gpt-4.1}
 * @param notes          what people should know about how it was made (rejected quotes, retries)
 */
public record Synthesis(List<String> sessions, List<Theme> themes, List<ObjectiveCoverage> coverage,
                        Map<String, List<Contradiction>> contradictions, List<EngagementSeries> engagement,
                        String method, List<String> notes) {

    public Synthesis {
        sessions = List.copyOf(sessions);
        themes = List.copyOf(themes);
        coverage = List.copyOf(coverage);
        contradictions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contradictions));
        engagement = List.copyOf(engagement);
        Objects.requireNonNull(method, "method");
        notes = List.copyOf(notes);
    }

    /** Every quote: in themes, then in contradictions. */
    public List<Quote> quotes() {
        java.util.ArrayList<Quote> all = new java.util.ArrayList<>();
        themes.forEach(t -> all.addAll(t.quotes()));
        contradictions.values().forEach(list -> list.forEach(c -> {
            all.add(c.earlier());
            all.add(c.later());
        }));
        return all;
    }
}
