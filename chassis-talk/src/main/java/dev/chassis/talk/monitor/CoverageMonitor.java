package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Analysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objective coverage and drift. An answer covers an objective as far as it talks about it (its
 * stemmed terms meet the objective's) and says something (length); coverage accumulates over turns
 * and the objective is covered at {@link #COVERED}. An answer of substance that touches none of the
 * objectives, twice running, is drift. Stateless; objective terms are cached per briefing.
 */
public final class CoverageMonitor implements Monitor {

    /** Coverage at which an objective counts as covered. */
    public static final double COVERED = 0.8;
    private static final int SUBSTANTIAL_WORDS = 8;

    private final Map<Briefing, Map<String, Set<String>>> termsByBriefing = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "coverage";
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        Briefing briefing = s.staged().briefing();
        Map<String, Set<String>> objectiveTerms = termsByBriefing.computeIfAbsent(briefing, CoverageMonitor::terms);
        Set<String> said = Analysis.termSet(turn.text(), s.language());
        int words = turn.text().strip().isEmpty() ? 0 : turn.text().strip().split("\\s+").length;
        List<Signal> out = new ArrayList<>();
        List<String> topics = dev.chassis.core.text.KeyTerms.of(turn.text(), 5);
        if (!topics.isEmpty()) {
            out.add(new Signal.TopicsNoted(turn.turn(), name(), topics));
        }
        boolean touchedAny = false;
        for (Objective o : briefing.objectives()) {
            Set<String> overlap = new HashSet<>(said);
            overlap.retainAll(objectiveTerms.get(o.id()));
            boolean current = o.id().equals(s.currentObjective());
            // The current objective's question frames the answer, so any substantial answer counts for it.
            double gain = current ? lengthGain(words) + 0.1 * Math.min(3, overlap.size())
                    : overlap.size() >= 2 ? 0.15 * Math.min(3, overlap.size()) : 0;
            if (!overlap.isEmpty()) {
                touchedAny = true;
            }
            Coverage c = s.coverage().getOrDefault(o.id(), Coverage.NONE);
            if (gain <= 0 || c.covered()) {
                continue;
            }
            double level = Math.min(1.0, c.level() + gain);
            List<Integer> evidence = new ArrayList<>(c.evidenceTurns());
            evidence.add(turn.turn());
            out.add(new Signal.CoverageChanged(turn.turn(), name(), o.id(), round(level), List.copyOf(evidence)));
            if (level >= COVERED) {
                out.add(new Signal.ObjectiveCovered(turn.turn(), name(), o.id(), List.copyOf(evidence)));
            }
        }
        if (!touchedAny && words >= SUBSTANTIAL_WORDS && previousAnswerWasOffTopic(s, turn, objectiveTerms)) {
            List<String> offTopic = new ArrayList<>(said).subList(0, Math.min(3, said.size()));
            out.add(new Signal.Drift(turn.turn(), name(), s.currentObjective(), List.copyOf(offTopic), List.of(turn.turn() - 1, turn.turn())));
        }
        return out;
    }

    private static double lengthGain(int words) {
        if (words < 3) {
            return 0.05;
        }
        return words < SUBSTANTIAL_WORDS ? 0.15 : words < 25 ? 0.3 : 0.4;
    }

    private boolean previousAnswerWasOffTopic(SessionState s, TurnView turn, Map<String, Set<String>> objectiveTerms) {
        for (int i = s.transcript().size() - 1; i >= 0; i--) {
            Line l = s.transcript().get(i);
            if (l.speaker() == Line.Speaker.USER && l.turn() == turn.turn() - 1) {
                Set<String> prev = Analysis.termSet(l.text(), s.language());
                return objectiveTerms.values().stream().noneMatch(t -> t.stream().anyMatch(prev::contains))
                        && l.text().split("\\s+").length >= SUBSTANTIAL_WORDS;
            }
            if (l.turn() < turn.turn() - 1) {
                break;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> terms(Briefing b) {
        Map<String, Set<String>> out = new ConcurrentHashMap<>();
        for (Objective o : b.objectives()) {
            Set<String> t = new LinkedHashSet<>();
            String text = String.join(" ", o.title(), o.description(), String.join(" ", o.questions()), String.join(" ", o.probes()),
                    String.join(" ", o.keywords()));
            for (String language : b.languages()) {
                t.addAll(Analysis.termSet(text, language));
            }
            out.put(o.id(), t);
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
