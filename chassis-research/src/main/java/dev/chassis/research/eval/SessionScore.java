package dev.chassis.research.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one interview went, measured from outside the harness: what the participant said and how they
 * felt, and what reached them when.
 *
 * @param configuration       {@code full}, or {@code no-<feature>} for an ablation
 * @param coverage            share of the guide's objectives covered, 0..1
 * @param contradictionFollowedUp for a participant who contradicted themselves: whether a
 *                            clarification followed; empty when no contradiction was stated
 * @param disengagementRecovered for a participant who disengaged: whether they came back; empty when
 *                            they never disengaged
 * @param questions           questions the interviewer asked
 * @param badQuestions        of those, leading or double-barrelled ones
 * @param firstWords          per turn, from the end of the participant's turn to the first words
 *                            they heard
 * @param late                turns whose first words came after the deadline
 * @param bridged             turns where the model missed the deadline and a bridge filled in
 */
public record SessionScore(String guide, String persona, String configuration, int turns, double coverage,
                           Optional<Boolean> contradictionFollowedUp, Optional<Boolean> disengagementRecovered,
                           int questions, int badQuestions, List<Duration> firstWords, int late, int bridged) {

    public SessionScore {
        firstWords = List.copyOf(firstWords);
    }

    /** Share of questions that were neither leading nor double-barrelled; 1 with no questions. */
    public double questionQuality() {
        return questions == 0 ? 1 : 1 - badQuestions / (double) questions;
    }

    /** Share of turns whose first words came within the deadline. */
    public double onTime() {
        return firstWords.isEmpty() ? 1 : 1 - late / (double) firstWords.size();
    }

    /**
     * The mean of the measures that apply to this session: coverage, the follow-up of a contradiction,
     * recovery from disengagement, question quality and turns on time, each 0..1.
     */
    public double composite() {
        List<Double> parts = new ArrayList<>(List.of(coverage, questionQuality(), onTime()));
        contradictionFollowedUp.ifPresent(f -> parts.add(f ? 1.0 : 0.0));
        disengagementRecovered.ifPresent(r -> parts.add(r ? 1.0 : 0.0));
        return parts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
