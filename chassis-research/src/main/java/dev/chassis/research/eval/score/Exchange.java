package dev.chassis.research.eval.score;

import dev.chassis.research.guide.Guide;
import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.Persona;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One interview as the evaluation sees it: the guide, the persona, what the interviewer said turn by
 * turn (the opening first, then one turn after each answer), and what each answer did.
 *
 * @param interviewer        turn {@code k} follows answer {@code k} ({@code k = 0} is the opening)
 * @param answers            answer {@code j} is {@code answers.get(j - 1)}
 * @param endedByInterviewer whether the interviewer closed the interview (rather than a safety limit)
 * @param engagement         the participant's engagement after each answer
 * @param deadline           the first-token deadline the turns are held to
 */
public record Exchange(Guide guide, Persona persona, List<Said> interviewer, List<AnswerNote> answers, boolean endedByInterviewer,
                       List<Double> engagement, Duration deadline) {

    public Exchange {
        Objects.requireNonNull(guide, "guide");
        interviewer = List.copyOf(interviewer);
        answers = List.copyOf(answers);
        engagement = List.copyOf(engagement);
    }

    /**
     * A turn of the interviewer.
     *
     * @param at         when it started, from the start of the interview
     * @param firstWords how long the participant waited for its first words
     * @param bridged    whether the model missed the deadline and a bridge filled in
     */
    public record Said(String text, Duration at, Duration firstWords, boolean bridged) { }

    /** The answer before interviewer turn {@code k} (1-based answers), or null for the opening. */
    public AnswerNote answerBefore(int k) {
        return k >= 1 && k <= answers.size() ? answers.get(k - 1) : null;
    }

    /** How long the interview ran: to the start of the interviewer's last turn. */
    public Duration length() {
        return interviewer.isEmpty() ? Duration.ZERO : interviewer.getLast().at();
    }
}
