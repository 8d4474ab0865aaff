package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What was learnt across sessions. Every quote in it has passed {@link QuoteVerifier} (the synthesiser
 * guarantees it; {@link #quotes()} lets a report check again).
 *
 * @param sessions       the session ids synthesised, in order
 * @param themes         most widespread first
 * @param coverage       per objective
 * @param contradictions per session id (sessions without any are absent)
 * @param engagement     per session
 * @param method         how it was made, for example {@code key phrases (TF-IDF) + extractive themes (offline)}
 * @param notes          what people should know about how it was made (rejected quotes, retries)
 * @param background     what is known about each session's participant (role, company size...), by session id
 * @param excluded       sessions left out of the synthesis, each with why (likely fraud, low effort)
 */
public record Synthesis(List<String> sessions, List<Theme> themes, List<ObjectiveCoverage> coverage,
                        Map<String, List<Contradiction>> contradictions, List<EngagementSeries> engagement,
                        String method, List<String> notes, Map<String, Map<String, String>> background,
                        Map<String, String> excluded) {

    public Synthesis {
        sessions = List.copyOf(sessions);
        themes = List.copyOf(themes);
        coverage = List.copyOf(coverage);
        contradictions = Collections.unmodifiableMap(new LinkedHashMap<>(contradictions));
        engagement = List.copyOf(engagement);
        Objects.requireNonNull(method, "method");
        notes = List.copyOf(notes);
        background = background == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(background));
        excluded = excluded == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(excluded));
    }

    /** Every quote: in themes, then in contradictions. */
    public List<Quote> quotes() {
        List<Quote> all = new ArrayList<>();
        themes.forEach(t -> all.addAll(t.quotes()));
        contradictions.values().forEach(list -> list.forEach(c -> {
            all.add(c.earlier());
            all.add(c.later());
        }));
        return all;
    }

    /** The label of an objective by id, or the id when it is not among the coverage. */
    public String objectiveLabel(String id) {
        return coverage.stream().filter(c -> c.objective().equals(id)).map(ObjectiveCoverage::label).findFirst().orElse(id);
    }
}
