package dev.chassis.talk.steer;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a steering rule sees: the state snapshot, the alerts not yet acted on, and the question plan.
 */
public record SteeringContext(SessionState state, QuestionPlan plan) {

    public static SteeringContext of(SessionState state) {
        return new SteeringContext(state, new QuestionPlan(state));
    }

    public Briefing briefing() {
        return state.staged().briefing();
    }

    public String language() {
        return state.language();
    }

    public String currentObjective() {
        return state.currentObjective();
    }

    /** Pending alerts of one kind, oldest first. */
    public <T extends Signal> List<T> alerts(Class<T> type) {
        List<T> out = new ArrayList<>(2);
        for (Signal s : state.pending()) {
            if (type.isInstance(s)) {
                out.add(type.cast(s));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The most recent pending alert of a kind. */
    public <T extends Signal> Optional<T> latest(Class<T> type) {
        List<Signal> pending = state.pending();
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (type.isInstance(pending.get(i))) {
                return Optional.of(type.cast(pending.get(i)));
            }
        }
        return Optional.empty();
    }

    /** The person's last answer, or empty before the first. */
    public String lastAnswer() {
        return state.lastUserLine().map(l -> l.text()).orElse("");
    }
}
