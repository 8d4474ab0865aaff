package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time against the plan: raises {@code session-ending} once when 90% of the planned duration has
 * passed, and {@code objective-over-time} once per objective when the conversation has stayed on it
 * for more than 125% of its share. Time comes from the harness's clock, so simulations can run
 * faster than real time.
 */
public final class TimingMonitor implements Monitor {

    @Override
    public String name() {
        return "timing";
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        Briefing b = s.staged().briefing();
        Duration elapsed = Duration.between(s.startedAt(), turn.at());
        List<Signal> out = new ArrayList<>();
        if (elapsed.compareTo(b.duration().multipliedBy(9).dividedBy(10)) >= 0 && !alreadyRaised(s, Signal.TimeCheck.SESSION_ENDING, null)) {
            out.add(new Signal.TimeCheck(turn.turn(), name(), Signal.TimeCheck.SESSION_ENDING, Optional.empty(), elapsed, b.duration()));
        }
        String current = s.currentObjective();
        Instant since = since(s, current);
        Duration onObjective = Duration.between(since, turn.at());
        Duration share = Duration.ofMillis((long) (b.duration().toMillis() * b.objective(current).timeShare()));
        if (!share.isZero() && onObjective.compareTo(share.multipliedBy(5).dividedBy(4)) > 0
                && !alreadyRaised(s, Signal.TimeCheck.OBJECTIVE_OVER_TIME, current)) {
            out.add(new Signal.TimeCheck(turn.turn(), name(), Signal.TimeCheck.OBJECTIVE_OVER_TIME, Optional.of(current), onObjective, share));
        }
        return out;
    }

    /** When the conversation moved onto {@code objective} (the session start if it always was). */
    private static Instant since(SessionState s, String objective) {
        Instant since = s.startedAt();
        for (int i = s.log().size() - 1; i >= 0; i--) {
            if (s.log().get(i) instanceof SessionEvent.DirectiveIssued d && d.directive().objective().isPresent()) {
                if (!d.directive().objective().get().equals(objective)) {
                    break;
                }
                since = d.at();
            }
        }
        return since;
    }

    private static boolean alreadyRaised(SessionState s, String kind, String objective) {
        for (int i = s.log().size() - 1; i >= 0; i--) {
            if (s.log().get(i) instanceof SessionEvent.SignalRaised r && r.signal() instanceof Signal.TimeCheck t
                    && t.kind().equals(kind) && (objective == null || t.objectiveId().filter(objective::equals).isPresent())) {
                return true;
            }
        }
        return false;
    }
}
