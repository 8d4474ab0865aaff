package dev.chassis.talk.guard;

import java.util.Locale;

/**
 * What a cue in a language's lexicon stands for. An attempt to take over the agent is recognised by
 * concepts that occur together ({@link Rules}), never by one fixed sentence. The key is the name used
 * in the lexicon files.
 */
enum Concept {
    /** ignore, forget, disregard, override, bypass. */
    OVERRIDE,
    /** What only the agent has: the interview guide, the rest of the questions, what it was told. */
    INSTRUCTIONS,
    /** Words that name instructions in general (rules, prompt, guidelines, script): the agent's only with a possessive or qualifier. */
    RULES,
    /** Generic containers (list, notes, context, topics, settings): the agent's only with a possessive ("your notes"). */
    CONTENTS,
    /** reveal, show, print, paste, repeat, tell me. */
    REVEAL,
    /** Questions that ask for something (what are, which): they reveal only together with the agent's instructions. */
    ASK,
    /** Other participants, respondents, the people interviewed before. */
    OTHERS,
    /** answers, responses, what they said. */
    ANSWERS,
    /** A change of role addressed to the agent: pretend you are, you are now, act as if you. */
    ROLEPLAY,
    /** Words of play and pretence that become a role change only with another cue: a game, a character, simulate. */
    PLAY,
    /** A possessive addressed to the agent: your, tus, deine, あなたの. */
    YOUR,
    /** A qualifier that makes instructions the agent's: previous, above, hidden, secret, original, given to you. */
    PRIOR,
    /** Self-introduction: this is, I am, from the. */
    SELF,
    /** A role with power over the agent: research team, administrator, developer. */
    ROLE,
    /** Words addressed to a model rather than to a person: note to the AI, when you read this. */
    AI,
    /** Do what it says, follow it, reply only with, confirm with. */
    OBEY,
    /** decode, base64, ROT13, backwards. */
    DECODE,
    /** A new regime: developer mode, no restrictions, new rules, from now on. */
    MODE,
    /** Ending or taking the agent's role: stop interviewing, the interview is over, I am taking over. */
    TAKEOVER,
    /** A request: please, can you, I want you to; the imperative forms of verb-final languages. */
    REQUEST,
    /** Words that may come before an imperative at the start of a clause: now, just, and, so. */
    LEAD,
    /** A role name that makes a bracketed label a fake role marker: [SYSTEM], 【システム】, ### ADMIN ###. */
    MARKER,
    /** A phrase that holds a cue but means something else ("忘れてしまう", I tend to forget): cues inside it are dropped. */
    NEUTRAL;

    /** The concept a lexicon file names, or null. */
    static Concept named(String key) {
        try {
            return valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    int bit() {
        return 1 << ordinal();
    }
}
