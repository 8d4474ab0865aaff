package dev.chassis.research.transcript;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Something a live session noticed at a turn and left on the transcript, so that synthesis and
 * quality checks can use what the interviewer's monitors saw. Kinds that synthesis reads:
 * <ul>
 *   <li>{@code coverage}: {@code objective} was covered to {@code value} (0..1) by this turn;</li>
 *   <li>{@code contradiction}: this turn contradicts {@code earlierTurn}; {@code detail} says how;</li>
 *   <li>{@code engagement}: the participant's engagement at this turn was {@code value} (0..1).</li>
 * </ul>
 * Other kinds (language switch, deadline miss...) are kept and shown, never rejected, so a newer
 * interviewer can add kinds without breaking older readers.
 *
 * @param turn        the turn the mark belongs to
 * @param kind        lower-case kind, for example {@code contradiction}
 * @param detail      a sentence for people; may be empty
 * @param objective   the objective id, for coverage marks
 * @param earlierTurn the other turn involved, for contradictions
 * @param value       a 0..1 measure, for coverage and engagement marks
 * @param evidence    for contradictions, the two sentences the monitor compared (earlier, later), verbatim; may be empty
 */
public record Mark(int turn, String kind, String detail, Optional<String> objective,
                   OptionalInt earlierTurn, OptionalDouble value, java.util.List<String> evidence) {

    /** A mark without evidence sentences. */
    public Mark(int turn, String kind, String detail, Optional<String> objective, OptionalInt earlierTurn, OptionalDouble value) {
        this(turn, kind, detail, objective, earlierTurn, value, java.util.List.of());
    }

    public static final String COVERAGE = "coverage";
    public static final String CONTRADICTION = "contradiction";
    public static final String ENGAGEMENT = "engagement";
    /** A participant's turn that tried to take over the interviewer: never an answer. */
    public static final String TAKEOVER = "takeover-attempt";

    public Mark {
        if (turn < 1) {
            throw new IllegalArgumentException("mark turn must be 1 or more, was " + turn);
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("mark kind must not be blank");
        }
        detail = Objects.requireNonNullElse(detail, "");
        objective = Objects.requireNonNullElse(objective, Optional.empty());
        earlierTurn = Objects.requireNonNullElse(earlierTurn, OptionalInt.empty());
        value = Objects.requireNonNullElse(value, OptionalDouble.empty());
        evidence = evidence == null ? java.util.List.of() : java.util.List.copyOf(evidence);
        if (value.isPresent() && (value.getAsDouble() < 0 || value.getAsDouble() > 1)) {
            throw new IllegalArgumentException("mark value must be between 0 and 1, was " + value.getAsDouble());
        }
        if (kind.equals(COVERAGE) && objective.isEmpty()) {
            throw new IllegalArgumentException("a coverage mark needs an objective");
        }
        if (kind.equals(CONTRADICTION) && earlierTurn.isEmpty()) {
            throw new IllegalArgumentException("a contradiction mark needs earlierTurn");
        }
    }

    public static Mark coverage(int turn, String objective, double value) {
        return new Mark(turn, COVERAGE, "", Optional.of(objective), OptionalInt.empty(), OptionalDouble.of(value));
    }

    public static Mark contradiction(int turn, int earlierTurn, String detail) {
        return new Mark(turn, CONTRADICTION, detail, Optional.empty(), OptionalInt.of(earlierTurn), OptionalDouble.empty());
    }

    /** A contradiction with the two sentences that disagree, as the participant said them. */
    public static Mark contradiction(int turn, int earlierTurn, String detail, String earlierSaid, String laterSaid) {
        return new Mark(turn, CONTRADICTION, detail, Optional.empty(), OptionalInt.of(earlierTurn), OptionalDouble.empty(),
                java.util.List.of(earlierSaid, laterSaid));
    }

    public static Mark engagement(int turn, double value) {
        return new Mark(turn, ENGAGEMENT, "", Optional.empty(), OptionalInt.empty(), OptionalDouble.of(value));
    }
}
