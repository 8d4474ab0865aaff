package dev.chassis.talk.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a monitor noticed about a turn, with evidence: a closed set, so steering decides by an
 * exhaustive {@code switch}. Applications with their own monitors use {@link Note}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Signal.CoverageChanged.class), @JsonSubTypes.Type(Signal.ObjectiveCovered.class),
        @JsonSubTypes.Type(Signal.Drift.class), @JsonSubTypes.Type(Signal.ClaimNoted.class),
        @JsonSubTypes.Type(Signal.Contradiction.class), @JsonSubTypes.Type(Signal.EngagementMeasured.class),
        @JsonSubTypes.Type(Signal.EngagementDropped.class), @JsonSubTypes.Type(Signal.EngagementRecovered.class),
        @JsonSubTypes.Type(Signal.EmotionNoted.class), @JsonSubTypes.Type(Signal.LanguageSwitched.class),
        @JsonSubTypes.Type(Signal.TimeCheck.class), @JsonSubTypes.Type(Signal.TakeoverAttempt.class),
        @JsonSubTypes.Type(Signal.TopicsNoted.class), @JsonSubTypes.Type(Signal.ProsodyNoted.class), @JsonSubTypes.Type(Signal.Note.class)})
public sealed interface Signal {

    /** The user turn the signal is about. */
    int turn();

    /** The monitor that raised it. */
    String monitor();

    /** The turns that back it up. */
    List<Integer> evidenceTurns();

    /** A short human-readable line for logs and status lines. */
    String describe();

    /** How much of an objective has been covered (0..1), with the turns that covered it. */
    record CoverageChanged(int turn, String monitor, String objectiveId, double level, List<Integer> evidenceTurns) implements Signal {
        public String describe() {
            return "coverage " + objectiveId + " " + Math.round(level * 100) + "%";
        }
    }

    /** An objective is covered well enough to move on. */
    record ObjectiveCovered(int turn, String monitor, String objectiveId, List<Integer> evidenceTurns) implements Signal {
        public String describe() {
            return "covered " + objectiveId;
        }
    }

    /** The conversation has drifted away from the current objective. */
    record Drift(int turn, String monitor, String objectiveId, List<String> offTopicTerms, List<Integer> evidenceTurns) implements Signal {
        public String describe() {
            return "drift from " + objectiveId + " to " + String.join(", ", offTopicTerms);
        }
    }

    /** A factual statement to remember. */
    record ClaimNoted(int turn, String monitor, Claim claim) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(claim.turn());
        }

        public String describe() {
            return "claim: " + claim.quote();
        }
    }

    /** What the person says now contradicts what they said earlier. */
    record Contradiction(int turn, String monitor, Claim earlier, Claim later, String kind, String explanation) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(earlier.turn(), later.turn());
        }

        public String describe() {
            return "contradiction (" + kind + ") turn " + earlier.turn() + " vs " + later.turn();
        }
    }

    /**
     * Engagement of one answer, 0 (withdrawn) to 1 (fully engaged).
     *
     * @param lengthRatio answer length against the person's own baseline
     */
    record EngagementMeasured(int turn, String monitor, double score, double lengthRatio, int hedges, double sentiment,
                              Optional<Duration> replyDelay) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return "engagement " + Math.round(score * 100) + "%";
        }
    }

    /** Engagement has dropped; {@code reasons} say why (shorter answers, hedges, negative tone, slow replies). */
    record EngagementDropped(int turn, String monitor, double score, List<String> reasons, List<Integer> evidenceTurns) implements Signal {
        public String describe() {
            return "engagement dropped: " + String.join(", ", reasons);
        }
    }

    /** Engagement has come back after a drop. */
    record EngagementRecovered(int turn, String monitor, double score, List<Integer> evidenceTurns) implements Signal {
        public String describe() {
            return "engagement recovered";
        }
    }

    /** An emotional moment, with the words that carried it; valence from -1 (distress) to 1 (joy). */
    record EmotionNoted(int turn, String monitor, String quote, double valence, double intensity) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return (valence < 0 ? "difficult moment: " : "emotional moment: ") + quote;
        }
    }

    /**
     * How a spoken answer sounded against the person's own voice so far: its pitch, loudness and pace, and the change of
     * each from their baseline. {@code cues} names the drops that read as disengagement or a hard moment ({@code quieter},
     * {@code slower}, {@code lower}); empty when the answer sounded like them, or before there is a baseline.
     *
     * @param pitchHz      median pitch of the answer
     * @param energyDb     mean loudness of its speech, dB below full scale
     * @param rate         words (or syllables) per second of speech
     * @param pitchChange  semitones against the baseline (0 without one)
     * @param energyChange decibels against the baseline (0 without one)
     * @param rateChange   the rate as a share of the baseline's (1 without one)
     */
    record ProsodyNoted(int turn, String monitor, double pitchHz, double energyDb, double rate, double pitchChange, double energyChange,
                        double rateChange, List<String> cues) implements Signal {
        public ProsodyNoted {
            cues = List.copyOf(cues);
        }

        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return cues.isEmpty() ? "voice as usual" : "voice " + String.join(", ", cues) + " than their own";
        }
    }

    /** The person switched to another language. */
    record LanguageSwitched(int turn, String monitor, String from, String to, double confidence) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return "language " + from + " -> " + to;
        }
    }

    /** Time against the plan: an objective over its share, or the session near or past its end. */
    record TimeCheck(int turn, String monitor, String kind, Optional<String> objectiveId, Duration elapsed, Duration planned)
            implements Signal {
        public static final String OBJECTIVE_OVER_TIME = "objective-over-time";
        public static final String SESSION_ENDING = "session-ending";

        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return kind + objectiveId.map(o -> " " + o).orElse("") + " (" + elapsed.toMinutes() + " of " + planned.toMinutes() + " min)";
        }
    }

    /** The person tried to take over the agent ("ignore your instructions..."). */
    record TakeoverAttempt(int turn, String monitor, String quote) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return "takeover attempt";
        }
    }

    /** The content terms of an answer, for the state's topic view. */
    record TopicsNoted(int turn, String monitor, List<String> terms) implements Signal {
        public List<Integer> evidenceTurns() {
            return List.of(turn);
        }

        public String describe() {
            return "topics " + String.join(", ", terms);
        }
    }

    /** An application's own signal: a kind and attributes that its steering rules understand. */
    record Note(int turn, String monitor, String kind, Map<String, String> attributes, List<Integer> evidenceTurns) implements Signal {
        public String describe() {
            return kind + " " + attributes;
        }
    }
}
