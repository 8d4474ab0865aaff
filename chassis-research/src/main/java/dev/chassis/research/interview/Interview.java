package dev.chassis.research.interview;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.state.SessionState;
import java.util.List;

/**
 * A finished interview: the transcript (what synthesis and reports read), the harness's record of
 * every turn, and the final session state.
 */
public record Interview(Transcript transcript, List<TurnRecord> turns, SessionState state) {

    public Interview {
        turns = List.copyOf(turns);
    }
}
