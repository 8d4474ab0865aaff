package dev.chassis.talk.judge;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A lexical monitor that also asks a model beside the turn: its cheap check stays on the turn's path as it was;
 * beside the turn it reads the answer lexically, asks the judge within its budget, and raises the judge's verdict
 * as the same signals, or the lexical verdict when the judge is late, fails or answers out of shape. Every
 * question is a {@link TalkEvent.JudgeAsked} event with its outcome, so a fallback is never silent.
 */
final class JudgedMonitor<A> implements Monitor {

    /** Room beyond the two budgets before the runner's own cut-off. */
    private static final Duration SLACK = Duration.ofMillis(500);

    private final Monitor lexical;
    private final Judgment<A> judgment;
    private final Judge judge;
    private final Duration budget;
    private final EventSink events;
    private final Clock clock;

    JudgedMonitor(Monitor lexical, Judgment<A> judgment, Judge judge, Duration budget, EventSink events, Clock clock) {
        this.lexical = lexical;
        this.judgment = judgment;
        this.judge = judge;
        this.budget = budget;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String name() {
        return lexical.name();
    }

    @Override
    public Duration budget() {
        return lexical.budget().plus(budget).plus(SLACK);
    }

    @Override
    public List<Signal> glance(TurnView turn, SessionState snapshot) throws Exception {
        return lexical.glance(turn, snapshot);
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState snapshot) throws Exception {
        // A monitor wholly on the path has raised its lexical verdict there already: it is in the snapshot.
        List<Signal> words = lexical.onTurnPath() ? List.of() : lexical.observe(turn, snapshot);
        Optional<Prompt> question = judgment.question(turn, snapshot, words);
        if (question.isEmpty()) {
            return words;
        }
        Verdict<A> verdict = judge.ask(question.get(), judgment.answer(), budget);
        List<Signal> out = words;
        String reason = "";
        switch (verdict) {
            case Verdict.Answered<A> a -> {
                try {
                    out = judgment.merge(a.answer(), turn, snapshot, words);
                } catch (IllegalArgumentException e) {
                    verdict = new Verdict.Malformed<>(e.getMessage(), a.took());
                    reason = e.getMessage();
                }
            }
            case Verdict.Late<A> l -> reason = "no answer within " + budget.toMillis() + " ms";
            case Verdict.Failed<A> f -> reason = f.reason();
            case Verdict.Malformed<A> m -> reason = m.reason();
        }
        events.accept(new TalkEvent.JudgeAsked(clock.instant(), snapshot.sessionId(), turn.turn(), name(), verdict.outcome(),
                verdict.took(), reason));
        return out;
    }
}
