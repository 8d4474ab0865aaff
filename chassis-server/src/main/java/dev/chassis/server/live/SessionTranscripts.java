package dev.chassis.server.live;

import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.SignalMarks;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A live session's state as a research {@link Transcript}, the format synthesis, quality checks and
 * runs read. Replies the participant cut off before a word arrived are left out (nothing was said);
 * a user turn's signals mark the transcript turn where the participant said it.
 */
public final class SessionTranscripts {

    private SessionTranscripts() {
    }

    public static Transcript of(SessionState s, Optional<String> participant) {
        List<Turn> turns = new ArrayList<>();
        Map<Integer, Integer> userTurnToNumber = new HashMap<>();
        for (Line l : s.transcript()) {
            if (l.text().isBlank()) {
                continue;
            }
            int number = turns.size() + 1;
            Duration at = Duration.between(s.startedAt(), l.at());
            turns.add(new Turn(number, l.speaker() == Line.Speaker.AGENT ? Speaker.INTERVIEWER : Speaker.PARTICIPANT, l.text(),
                    Optional.of(at.isNegative() ? Duration.ZERO : at)));
            if (l.speaker() == Line.Speaker.USER) {
                userTurnToNumber.put(l.turn(), number);
            }
        }
        List<Mark> marks = SignalMarks.of(s.signals().stream().filter(x -> userTurnToNumber.containsKey(x.turn())).toList(),
                t -> userTurnToNumber.getOrDefault(t, 1));
        return new Transcript(s.sessionId(), participant, Optional.of(s.language()), turns, marks);
    }
}
