package dev.chassis.research.transcript;

import dev.chassis.talk.guard.TakeoverGuard;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One interview session, turn by turn. This is the exchange format between the AI interviewer (which
 * writes it as JSON when a session ends) and synthesis, quality checks and reports (which read it).
 * Immutable.
 *
 * <pre>{@code
 * {"id": "s-003", "participant": "p-017", "language": "en",
 *  "turns": [{"number": 1, "speaker": "interviewer", "text": "How do you start your week?", "at": "PT0S"},
 *            {"number": 2, "speaker": "participant", "text": "With a list, always.", "at": "PT9.4S"}],
 *  "marks": [{"turn": 2, "kind": "engagement", "value": 0.6}],
 *  "background": {"role": "designer", "company_size": "11-50"}}
 * }</pre>
 *
 * @param id          session id, unique within a study; quotes cite it
 * @param participant the participant's id, when known
 * @param language    ISO 639-1 code of the session's main language, when known
 * @param turns       the turns, numbered 1, 2, 3... in order
 * @param marks       what the live session noticed (may be empty)
 * @param background  what is known about the participant (pool columns such as role or company size), by field
 */
public record Transcript(String id, Optional<String> participant, Optional<String> language,
                         List<Turn> turns, List<Mark> marks, Map<String, String> background) {

    /** A transcript without background. */
    public Transcript(String id, Optional<String> participant, Optional<String> language, List<Turn> turns, List<Mark> marks) {
        this(id, participant, language, turns, marks, Map.of());
    }

    public Transcript {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("transcript id must not be blank");
        }
        participant = Objects.requireNonNullElse(participant, Optional.empty());
        language = Objects.requireNonNullElse(language, Optional.empty());
        turns = List.copyOf(Objects.requireNonNull(turns, "turns"));
        marks = marks == null ? List.of() : List.copyOf(marks);
        background = background == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(background));
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).number() != i + 1) {
                throw new IllegalArgumentException("turns must be numbered 1, 2, 3... in order; turn at position "
                        + (i + 1) + " has number " + turns.get(i).number());
            }
        }
        for (Mark m : marks) {
            if (m.turn() > turns.size()) {
                throw new IllegalArgumentException("mark '" + m.kind() + "' refers to turn " + m.turn()
                        + " but the transcript has " + turns.size() + " turns");
            }
        }
    }

    /** A transcript with turns only. */
    public static Transcript of(String id, List<Turn> turns) {
        return new Transcript(id, Optional.empty(), Optional.empty(), turns, List.of());
    }

    /** The turn with this 1-based number, if there is one. */
    public Optional<Turn> turn(int number) {
        return number >= 1 && number <= turns.size() ? Optional.of(turns.get(number - 1)) : Optional.empty();
    }

    /**
     * The participant's answers, in order: their turns without the attempts to take over the interviewer (marked
     * by the live session, or recognised now for a transcript from elsewhere). An attempt is never an answer:
     * synthesis, quotes and quality checks read only these.
     */
    public List<Turn> participantTurns() {
        return turns.stream().filter(t -> t.byParticipant() && !isTakeoverAttempt(t)).toList();
    }

    /** Whether {@code turn} is the participant's attempt to take over the interviewer rather than an answer. */
    public boolean isTakeoverAttempt(Turn turn) {
        if (!turn.byParticipant()) {
            return false;
        }
        for (Mark m : marks) {
            if (m.turn() == turn.number() && m.kind().equals(Mark.TAKEOVER)) {
                return true;
            }
        }
        return TakeoverGuard.recognise(turn.text()).isPresent();
    }

    /** The marks of one kind, in order. */
    public List<Mark> marks(String kind) {
        return marks.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    public Transcript withMarks(List<Mark> newMarks) {
        return new Transcript(id, participant, language, turns, newMarks, background);
    }

    public Transcript withParticipant(String participantId) {
        return new Transcript(id, Optional.of(participantId), language, turns, marks, background);
    }

    /** The same session with this background (pool fields of its participant). */
    public Transcript withBackground(Map<String, String> fields) {
        return new Transcript(id, participant, language, turns, marks, fields);
    }
}
