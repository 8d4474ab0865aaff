package dev.chassis.talk.state;

import dev.chassis.talk.directive.Directive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the end of an interview reads to choose a take-up, kept as directives and answers come: the angles asked, the answers
 * per objective and the quote-probes. Steering read them by walking the whole log at every turn near the end, once per
 * shallow objective, so a turn's cost grew with the session.
 *
 * @param deepens     every {@link Directive.Deepen} issued, in order
 * @param answering   the objective of the latest directive of any kind (a bridge's included), if it names one: the next answer is on it
 * @param answersOn   per objective, the person's answers given while the latest directive was on it, in order
 * @param quoteProbes quote-probes ({@link Directive.Probe} with a quote and no probe) in the whole interview
 * @param returns     per objective, the probes on it that quote the person (with or without a probe)
 */
public record TakeUps(AppendOnlyList<Directive.Deepen> deepens, Optional<String> answering,
                      Map<String, AppendOnlyList<String>> answersOn, int quoteProbes, Map<String, Integer> returns) {

    static final TakeUps NONE = new TakeUps(AppendOnlyList.empty(), Optional.empty(), Map.of(), 0, Map.of());

    /** The answers on {@code objectiveId}, in order. */
    public java.util.List<String> answersOn(String objectiveId) {
        return answersOn.getOrDefault(objectiveId, AppendOnlyList.empty());
    }

    /** How often the person's words on {@code objectiveId} were quoted back. */
    public int returns(String objectiveId) {
        return returns.getOrDefault(objectiveId, 0);
    }

    TakeUps directed(Directive d) {
        AppendOnlyList<Directive.Deepen> ds = d instanceof Directive.Deepen m ? deepens.plus(m) : deepens;
        int probes = quoteProbes;
        Map<String, Integer> back = returns;
        if (d instanceof Directive.Probe p && !p.quote().isEmpty()) {
            probes += p.probe().isEmpty() ? 1 : 0;
            Map<String, Integer> next = new LinkedHashMap<>(returns);
            next.merge(p.objectiveId(), 1, Integer::sum);
            back = Collections.unmodifiableMap(next);
        }
        return new TakeUps(ds, d.objective(), answersOn, probes, back);
    }

    TakeUps answered(String text) {
        if (answering.isEmpty()) {
            return this;
        }
        Map<String, AppendOnlyList<String>> next = new LinkedHashMap<>(answersOn);
        next.put(answering.get(), answersOn.getOrDefault(answering.get(), AppendOnlyList.empty()).plus(text));
        return new TakeUps(deepens, answering, Collections.unmodifiableMap(next), quoteProbes, returns);
    }
}
