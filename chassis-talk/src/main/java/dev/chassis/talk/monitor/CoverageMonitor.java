package dev.chassis.talk.monitor;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Objective coverage and drift. Covered means explored: the objective's questions were asked (two, or
 * its only one), at least two answers to it said something (eight words or more, not a hedge), and
 * its level reached {@link #COVERED}. An answer to the current objective gains by its length, fully
 * when it shares words with the objective's description, questions, probes or keywords (in any of the
 * briefing's languages), partly when not; an answer while another objective is on gains for it only
 * when it clearly talks about it, and never covers it. Thin answers gain next to nothing. An answer of
 * substance that touches none of the objectives, twice running, is drift. Stateless; objective terms
 * are cached per briefing.
 */
public final class CoverageMonitor implements Monitor {

    /** Coverage at which an objective counts as covered. */
    public static final double COVERED = 0.8;
    private static final int SUBSTANTIAL_WORDS = 8;
    /** What talk about an objective that is not on can bring it, at most. */
    private static final double ASIDE_CAP = 0.5;

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
        Cues cues = Cues.of(s.language());
        int words = cues.words(turn.text());
        boolean substantive = words >= SUBSTANTIAL_WORDS && (words >= 2 * SUBSTANTIAL_WORDS
                || cues.found(Cues.lower(turn.text()), cues.hedges()).isEmpty());
        List<Signal> out = new ArrayList<>();
        List<String> topics = dev.chassis.core.text.KeyTerms.of(turn.text(), 5);
        if (!topics.isEmpty()) {
            out.add(new Signal.TopicsNoted(turn.turn(), name(), topics));
        }
        String answering = turn.prompt().flatMap(d -> d.objective()).orElse(s.currentObjective());
        boolean touchedAny = false;
        for (Objective o : briefing.objectives()) {
            Set<String> overlap = shared(said, objectiveTerms.get(o.id()), s.language());
            boolean current = o.id().equals(answering);
            if (!overlap.isEmpty()) {
                touchedAny = true;
            }
            Coverage c = s.coverage().getOrDefault(o.id(), Coverage.NONE);
            double gain;
            if (current) {
                gain = substantive ? lengthGain(words) * (overlap.isEmpty() ? 0.6 : 1) + 0.1 * Math.min(3, overlap.size()) : 0.05;
            } else {
                gain = substantive && overlap.size() >= 2 ? Math.min(0.15 * Math.min(3, overlap.size()), Math.max(0, ASIDE_CAP - c.level())) : 0;
            }
            if (gain <= 0 || c.covered()) {
                continue;
            }
            double level = Math.min(1.0, c.level() + gain);
            List<Integer> evidence = new ArrayList<>(c.evidenceTurns());
            if (substantive) {
                evidence.add(turn.turn());
            }
            out.add(new Signal.CoverageChanged(turn.turn(), name(), o.id(), round(level), List.copyOf(evidence)));
            int plannedAsked = Math.min(2, o.questions().size());
            int answersNeeded = o.questions().size() + o.probes().size() > 1 ? 2 : 1;
            if (current && level >= COVERED && c.questionsAsked() >= plannedAsked && evidence.size() >= answersNeeded) {
                out.add(new Signal.ObjectiveCovered(turn.turn(), name(), o.id(), List.copyOf(evidence)));
            }
        }
        if (!touchedAny && words >= SUBSTANTIAL_WORDS && !answersTheQuestion(said, turn, s) && previousAnswerWasOffTopic(s, turn, objectiveTerms)) {
            List<String> offTopic = new ArrayList<>(said).subList(0, Math.min(3, said.size()));
            out.add(new Signal.Drift(turn.turn(), name(), s.currentObjective(), List.copyOf(offTopic), List.of(turn.turn() - 1, turn.turn())));
        }
        return out;
    }

    private static double lengthGain(int words) {
        return words < 25 ? 0.3 : 0.4;
    }

    private boolean previousAnswerWasOffTopic(SessionState s, TurnView turn, Map<String, Set<String>> objectiveTerms) {
        for (int i = s.transcript().size() - 1; i >= 0; i--) {
            Line l = s.transcript().get(i);
            if (l.speaker() == Line.Speaker.USER && l.turn() == turn.turn() - 1) {
                Set<String> prev = Analysis.termSet(l.text(), s.language());
                return objectiveTerms.values().stream().noneMatch(t -> !shared(prev, t, s.language()).isEmpty())
                        && l.text().split("\\s+").length >= SUBSTANTIAL_WORDS;
            }
            if (l.turn() < turn.turn() - 1) {
                break;
            }
        }
        return false;
    }

    /**
     * The objective's terms the answer says: the same stem, or, where a language writes compounds as one word, a
     * word built on one ("Unternehmenstarif" says "Tarif"; "prisplan" says "pris").
     */
    static Set<String> shared(Set<String> said, Set<String> objective, String language) {
        Set<String> out = new HashSet<>();
        boolean compounds = COMPOUNDING.contains(language);
        for (String w : said) {
            if (objective.contains(w)) {
                out.add(w);
            } else if (compounds && w.length() >= COMPOUND_PART + 3) {
                for (String t : objective) {
                    if (t.length() >= COMPOUND_PART && (w.endsWith(t) || w.startsWith(t))) {
                        out.add(t);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether the answer takes up the question it answers (the directive that asked it: its question or the quoted
     * words). Whatever the answer before was, an answer to the question just asked is not drifting.
     */
    private static boolean answersTheQuestion(Set<String> said, TurnView turn, SessionState s) {
        return turn.prompt().map(d -> String.join(" ", d.question().orElse(""),
                        d instanceof Directive.Probe p ? p.quote() : d instanceof Directive.Deepen m ? m.topic() : ""))
                .filter(q -> !q.isBlank())
                .map(q -> !shared(said, Analysis.termSet(q, s.language()), s.language()).isEmpty())
                .orElse(false);
    }

    /** Languages that write compound nouns as one word, and the shortest part of one worth matching. */
    private static final Set<String> COMPOUNDING = Set.of("de", "nl", "sv", "da", "nb", "fi", "hu", "is");
    private static final int COMPOUND_PART = 4;

    private static Map<String, Set<String>> terms(Briefing b) {
        Map<String, Set<String>> out = new ConcurrentHashMap<>();
        for (Objective o : b.objectives()) {
            Set<String> t = new LinkedHashSet<>();
            String text = String.join(" ", o.title(), o.description(), String.join(" ", o.questions()), String.join(" ", o.probes()),
                    String.join(" ", o.keywords()));
            for (String language : b.languages()) {
                t.addAll(Analysis.termSet(text, language));
            }
            for (Map.Entry<String, List<Objective>> e : b.translations().entrySet()) {
                Objective there = b.objective(o.id(), e.getKey());
                String words = String.join(" ", there.title(), there.description(), String.join(" ", there.questions()),
                        String.join(" ", there.probes()), String.join(" ", there.keywords()));
                t.addAll(Analysis.termSet(words, e.getKey()));
            }
            out.put(o.id(), t);
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
