package dev.chassis.research.synthesis.phrase;

/**
 * The part of speech a phrase rule needs: a coarse cut of the Universal Dependencies tags. Languages
 * without a tagger know only {@link #CONTENT}, {@link #FUNCTION} and {@link #PUNCT}.
 */
public enum Tag {
    NOUN, VERB, ADJ, PARTICLE, DETERMINER,
    /** A content word of an untagged language: anything that is not a function word. */
    CONTENT,
    /** Pronouns, auxiliaries, adverbs, conjunctions, prepositions, numbers: never inside a key phrase. */
    FUNCTION,
    PUNCT;

    /** From a Universal Dependencies tag. */
    static Tag ofUd(String ud) {
        return switch (ud) {
            case "NOUN", "PROPN" -> NOUN;
            case "VERB" -> VERB;
            case "ADJ" -> ADJ;
            case "ADP", "PART" -> PARTICLE;
            case "DET" -> DETERMINER;
            case "PUNCT", "SYM" -> PUNCT;
            default -> FUNCTION;
        };
    }

    boolean nominal() {
        return this == NOUN || this == CONTENT;
    }
}
