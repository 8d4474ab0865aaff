package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which objective each answer speaks to, and from that the coverage per objective and session. A live
 * session's coverage marks for these objectives are used as they are; otherwise each interviewer
 * question is matched to the objective whose cues it is most similar to (TF-IDF cosine at least
 * {@link #MATCH}), the answer that follows belongs to that objective, and the objective scores how
 * substantive the answer was ({@link Questions#answerScore}), the best answer counting. Immutable;
 * deterministic.
 */
final class CoverageScorer {

    static final double MATCH = 0.2;

    private final List<SynthesisObjective> objectives;
    private final Map<String, Map<String, Double>> scores;
    private final Map<String, Map<Integer, String>> answers;

    private CoverageScorer(List<SynthesisObjective> objectives, Map<String, Map<String, Double>> scores,
                           Map<String, Map<Integer, String>> answers) {
        this.objectives = objectives;
        this.scores = scores;
        this.answers = answers;
    }

    static List<ObjectiveCoverage> score(List<Transcript> transcripts, List<SynthesisObjective> objectives) {
        return of(transcripts, objectives).coverage();
    }

    static CoverageScorer of(List<Transcript> transcripts, List<SynthesisObjective> objectives) {
        List<List<String>> docs = new ArrayList<>();
        objectives.forEach(o -> docs.add(Terms.of(o.label() + " " + String.join(" ", o.cues()))));
        List<Questions.Asked> asked = new ArrayList<>();
        transcripts.forEach(t -> asked.addAll(Questions.of(t, false)));
        asked.forEach(a -> docs.add(Terms.of(a.text())));
        VectorSpace space = VectorSpace.terms(docs);
        List<double[]> objectiveVectors = new ArrayList<>();
        for (int o = 0; o < objectives.size(); o++) {
            double[] v = new double[space.dimensions()];
            space.addTo(o, v);
            objectiveVectors.add(v);
        }
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        objectives.forEach(o -> {
            Map<String, Double> bySession = new LinkedHashMap<>();
            transcripts.forEach(t -> bySession.put(t.id(), 0.0));
            scores.put(o.id(), bySession);
        });
        Map<String, Map<Integer, String>> answers = new HashMap<>();
        for (int q = 0; q < asked.size(); q++) {
            Questions.Asked a = asked.get(q);
            int best = -1;
            double bestSim = MATCH;
            for (int o = 0; o < objectives.size(); o++) {
                double s = space.dot(objectives.size() + q, objectiveVectors.get(o));
                if (s >= bestSim) {
                    bestSim = s;
                    best = o;
                }
            }
            if (best >= 0) {
                String id = objectives.get(best).id();
                scores.get(id).merge(a.session(), Questions.answerScore(a.answer()), Math::max);
                a.answer().ifPresent(turn -> answers.computeIfAbsent(a.session(), k -> new HashMap<>()).put(turn.number(), id));
            }
        }
        for (Transcript t : transcripts) {
            // Marks count only when they name these objectives: a session interviewed with one guide and
            // synthesised without it has marks for objectives that are not measured here.
            List<Mark> marks = t.marks(Mark.COVERAGE).stream().filter(m -> scores.containsKey(m.objective().orElseThrow())).toList();
            if (!marks.isEmpty()) {
                scores.values().forEach(m -> m.put(t.id(), 0.0));
                Map<Integer, String> byTurn = answers.computeIfAbsent(t.id(), k -> new HashMap<>());
                byTurn.clear();
                Map<Integer, Double> strongest = new HashMap<>();
                for (Mark m : marks) {
                    String id = m.objective().orElseThrow();
                    double v = m.value().orElse(1.0);
                    scores.get(id).merge(t.id(), v, Math::max);
                    if (v > strongest.getOrDefault(m.turn(), -1.0)) {
                        strongest.put(m.turn(), v);
                        byTurn.put(m.turn(), id);
                    }
                }
            }
        }
        return new CoverageScorer(List.copyOf(objectives), scores, answers);
    }

    List<ObjectiveCoverage> coverage() {
        return objectives.stream().map(o -> new ObjectiveCoverage(o.id(), o.label(), scores.get(o.id()))).toList();
    }

    /** The objective the answer at this turn speaks to, when its question (or a live mark) says. */
    Optional<String> objectiveOf(String session, int turn) {
        return Optional.ofNullable(answers.getOrDefault(session, Map.of()).get(turn));
    }
}
