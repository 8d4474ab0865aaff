package dev.chassis.talk.judge;

import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.monitor.CoverageMonitor;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Does the answer explore the objective it answers: on its topic, with substance, and far enough that the
 * objective is explored? The judge decides the gain of the objective answered in place of the word overlap
 * (an off-topic remark or a thin answer gains nothing, a relevant answer in other words gains fully); covering
 * still needs its planned questions asked and two answers of substance, as in the lexical tier. Coverage of
 * other objectives, topics and drift stay lexical.
 */
final class CoverageJudgment implements Judgment<CoverageJudgment.Answer> {

    /** The judge's answer. */
    record Answer(boolean onTopic, boolean substantive, boolean explored) { }

    /** What a relevant answer of substance brings its objective (the lexical tier's most). */
    private static final double GAIN = 0.4;
    private static final String JSON = "{\"on_topic\": true|false, \"substantive\": true|false, \"explored\": true|false}";

    @Override
    public ModelJudges.Kind kind() {
        return ModelJudges.Kind.COVERAGE;
    }

    @Override
    public Class<Answer> answer() {
        return Answer.class;
    }

    @Override
    public Optional<Prompt> question(TurnView turn, SessionState s, List<Signal> lexical) {
        Optional<Objective> o = objective(turn, s);
        if (o.isEmpty() || s.coverage().getOrDefault(o.get().id(), Coverage.NONE).covered()) {
            return Optional.empty();
        }
        String asked = turn.prompt().flatMap(Directive::question).map(q -> "Question asked: " + Judgment.quoted(q) + "\n").orElse("");
        return Optional.of(Judgment.ask(kind(), "Judge the answer against the interview objective. on_topic: it talks about the "
                + "objective (not small talk, not another subject). substantive: it gives concrete content (experience, examples, "
                + "reasons), not a few generic words. explored: together with what was said before, the objective's questions "
                + "are answered in depth.", JSON,
                "Objective: " + o.get().title() + " - " + o.get().description() + "\nIts questions: " + String.join(" | ", o.get().questions())
                        + "\n" + asked + "Answer: " + Judgment.quoted(turn.text())));
    }

    @Override
    public List<Signal> merge(Answer a, TurnView turn, SessionState s, List<Signal> lexical) {
        Objective o = objective(turn, s).orElseThrow();
        List<Signal> out = new ArrayList<>(lexical);
        out.removeIf(x -> x instanceof Signal.CoverageChanged c && c.objectiveId().equals(o.id())
                || x instanceof Signal.ObjectiveCovered d && d.objectiveId().equals(o.id()));
        if (!a.onTopic() || !a.substantive()) {
            return out;
        }
        Coverage c = s.coverage().getOrDefault(o.id(), Coverage.NONE);
        List<Integer> evidence = new ArrayList<>(c.evidenceTurns());
        evidence.add(turn.turn());
        double level = Math.min(1.0, Math.round((c.level() + GAIN) * 100) / 100.0);
        if (a.explored()) {
            level = Math.max(level, CoverageMonitor.COVERED);
        }
        out.add(new Signal.CoverageChanged(turn.turn(), "coverage", o.id(), level, List.copyOf(evidence)));
        int plannedAsked = Math.min(2, o.questions().size());
        int answersNeeded = o.questions().size() + o.probes().size() > 1 ? 2 : 1;
        if (a.explored() && c.questionsAsked() >= plannedAsked && evidence.size() >= answersNeeded) {
            out.add(new Signal.ObjectiveCovered(turn.turn(), "coverage", o.id(), List.copyOf(evidence)));
        }
        return out;
    }

    private static Optional<Objective> objective(TurnView turn, SessionState s) {
        String id = turn.prompt().flatMap(Directive::objective).orElse(s.currentObjective());
        return s.staged().briefing().objectives().stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
