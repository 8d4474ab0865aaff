package dev.chassis.testkit.participant;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a synthetic participant did in one answer, as they know it: the ground truth an evaluation
 * scores against (which hidden fact came out, when the contradiction was stated, when they switched
 * language, refused, drifted or said something hard).
 *
 * @param number     the answer's number, from 1
 * @param language   the language they answered in (their main one when they mixed in words of another)
 * @param kinds      what the answer did
 * @param topic      the index of the topic answered, among the answers by topic
 * @param fact       the index of the hidden fact revealed
 * @param refusal    the index of the topic refused
 * @param mixedIn    the language of words mixed into it, if they code-switched
 * @param engagement their engagement after hearing the question
 */
public record AnswerNote(int number, String text, String language, Set<Kind> kinds, OptionalInt topic, OptionalInt fact,
                         OptionalInt refusal, Optional<String> mixedIn, double engagement, List<String> planted) {

    public AnswerNote {
        kinds = Set.copyOf(kinds);
        planted = List.copyOf(planted);
    }

    /** What an answer did. */
    public enum Kind {
        /** Answered on one of their topics. */
        TOPIC,
        /** Went on with the topic they had been talking about, because a follow-up asked. */
        FOLLOW_UP,
        /** Revealed a hidden fact. */
        FACT,
        /** Something general: the question touched none of their topics. */
        GENERAL,
        /** A filler: disengaged, or a low-effort participant. */
        FILLER,
        /** Wandered off to their pet topic. */
        DRIFT,
        /** Declined to talk about a topic. */
        REFUSAL,
        /** Declined again: the topic was asked after they refused it. */
        REFUSAL_REPEATED,
        /** Said the thing that moves them. */
        EMOTIONAL,
        /** Stated the first half of their contradiction. */
        CONTRADICTION_EARLY,
        /** Stated the second half, contradicting the first. */
        CONTRADICTION_LATE,
        /** Mixed words of another language into the answer. */
        CODE_SWITCH
    }

    public boolean is(Kind k) {
        return kinds.contains(k);
    }

    /** Substantive: it says something of their own on what was asked (not a filler, refusal, drift or general line). */
    public boolean substantive() {
        return (is(Kind.TOPIC) || is(Kind.FACT) || is(Kind.EMOTIONAL)) && !is(Kind.DRIFT);
    }
}
