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
final class StatelessView {

    private StatelessView() {
    }

    static SessionState of(SessionState s) {
        Map<String, Coverage> none = new LinkedHashMap<>();
        s.coverage().keySet().forEach(k -> none.put(k, Coverage.NONE));
        return s.toBuilder().coverage(Map.copyOf(none)).claims(AppendOnlyList.empty()).emotions(AppendOnlyList.empty())
                .engagement(AppendOnlyList.empty()).topics(Map.of()).asked(AskedQuestions.none()).lastDirective(Optional.empty())
                .summaries(AppendOnlyList.empty()).build();
    }
}
