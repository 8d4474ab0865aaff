package dev.chassis.talk.internal;

import dev.chassis.talk.state.AppendOnlyList;
import dev.chassis.talk.state.AskedQuestions;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.SessionState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state as steering and monitors see it when {@link dev.chassis.talk.Feature#STATE} is off: the
 * transcript and fresh alerts only, no memory of coverage, claims, feelings or questions asked.
 */
final class Forgetful {

    private Forgetful() {
    }

    static SessionState view(SessionState s) {
        Map<String, Coverage> none = new LinkedHashMap<>();
        s.coverage().keySet().forEach(k -> none.put(k, Coverage.NONE));
        return new SessionState(s.sessionId(), s.staged(), s.startedAt(), s.turn(), s.language(), s.currentObjective(), s.closed(),
                s.log(), s.transcript(), Map.copyOf(none), AppendOnlyList.empty(), AppendOnlyList.empty(), AppendOnlyList.empty(),
                Map.of(), s.pending(), AskedQuestions.none(), Optional.empty(), AppendOnlyList.empty(), s.compactedThrough(),
                s.interruptions(), s.deadlineMisses());
    }
}
