package dev.chassis.research.ledger;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Evidence;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The evidence of a mistake at one interviewer turn of a transcript: what the person said up to it, and what the interviewer said. */
public final class TurnEvidence {

    private TurnEvidence() {
    }

    /**
     * @param transcript the session's transcript
     * @param turn       the number of the interviewer's turn that was wrong (as the transcript numbers turns)
     * @param field      how the user named the turn, for the error ({@code --turn}, {@code turn})
     * @param details    kept with the evidence (the guide the session followed)
     * @throws InvalidInputException when there is no such turn, it is the participant's, or nobody had spoken before it
     */
    public static Evidence of(Transcript transcript, int turn, String field, Map<String, String> details) {
        List<Turn> turns = transcript.turns();
        int at = -1;
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).number() == turn) {
                at = i;
            }
        }
        if (at < 0) {
            throw new InvalidInputException("", 0, field, "session " + transcript.id() + " has no turn " + turn + "; its turns are 1 to "
                    + turns.size());
        }
        if (turns.get(at).speaker() != Speaker.INTERVIEWER) {
            throw new InvalidInputException("", 0, field, "turn " + turn + " of session " + transcript.id()
                    + " is the participant's; name the interviewer's turn that was wrong");
        }
        List<String> said = new ArrayList<>();
        for (int i = 0; i < at; i++) {
            if (turns.get(i).speaker() == Speaker.PARTICIPANT) {
                said.add(turns.get(i).text());
            }
        }
        if (said.isEmpty()) {
            throw new InvalidInputException("", 0, field, "turn " + turn + " of session " + transcript.id()
                    + " is the interviewer's opening, which answers nothing; name a turn that replies to the participant");
        }
        return new Evidence(transcript.id(), "turn " + turn, said.getLast(), turns.get(at).text(), said.subList(0, said.size() - 1), details);
    }
}
