package dev.chassis.talk.guard;

import static dev.chassis.talk.guard.Concept.AI;
import static dev.chassis.talk.guard.Concept.ANSWERS;
import static dev.chassis.talk.guard.Concept.ASK;
import static dev.chassis.talk.guard.Concept.CONTENTS;
import static dev.chassis.talk.guard.Concept.DECODE;
import static dev.chassis.talk.guard.Concept.INSTRUCTIONS;
import static dev.chassis.talk.guard.Concept.MODE;
import static dev.chassis.talk.guard.Concept.OBEY;
import static dev.chassis.talk.guard.Concept.OTHERS;
import static dev.chassis.talk.guard.Concept.OVERRIDE;
import static dev.chassis.talk.guard.Concept.PLAY;
import static dev.chassis.talk.guard.Concept.PRIOR;
import static dev.chassis.talk.guard.Concept.REQUEST;
import static dev.chassis.talk.guard.Concept.REVEAL;
import static dev.chassis.talk.guard.Concept.ROLE;
import static dev.chassis.talk.guard.Concept.ROLEPLAY;
import static dev.chassis.talk.guard.Concept.RULES;
import static dev.chassis.talk.guard.Concept.SELF;
import static dev.chassis.talk.guard.Concept.TAKEOVER;
import static dev.chassis.talk.guard.Concept.YOUR;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Decides from the cues found whether a text is an attempt to take over the agent. Concepts must occur
 * together, in one language (or the common lexicon) and within three sentences: {override} with the
 * agent's instructions, {reveal} with them, {other participants} with {answers} or a request, a change
 * of role, a message to the model with a command, a claimed authority with a demand. Three readings are
 * derived from positions: an <em>imperative</em> (a verb opening a clause), a <em>target</em> (the agent's
 * instructions: "the interview guide", or a word for rules with "your" or "previous" next to it) and an
 * <em>authority</em> ("this is ... from the research team"). Stateless.
 */
final class Rules {

    /** Why a text was recognised: the rule's kind, the language of its cues and the cues themselves. */
    record Verdict(String kind, int language, List<Cues.Match> evidence) { }

    private static final int IMPERATIVE = 1 << 23;
    private static final int TARGET = 1 << 24;
    private static final int AUTHORITY = 1 << 25;
    /** An overriding verb near the agent's instructions ("ignore ... your instructions"). */
    private static final int OVERRIDE_TARGET = 1 << 26;
    /** An overriding verb near a word for rules. */
    private static final int OVERRIDE_RULES = 1 << 27;
    /** A revealing verb or a question near the agent's instructions ("what are the other questions on your list"). */
    private static final int REVEAL_TARGET = 1 << 28;
    /** A revealing verb near a word for rules. */
    private static final int REVEAL_RULES = 1 << 29;
    private static final int DIRECTED = IMPERATIVE | REQUEST.bit() | AI.bit();
    /** Characters between a word for rules and its "your" or "previous". */
    private static final int NEAR = 30;
    /** Characters between a generic container and its possessive: next to it ("your notes", not "your experimental setup"). */
    private static final int ADJACENT = 8;
    /** Characters between a verb and what it acts on. */
    private static final int VERB_NEAR = 80;
    private static final int SENTENCES = 3;

    private record Rule(String kind, IntPredicate holds) { }

    private static final List<Rule> RULES_IN_ORDER = List.of(
            new Rule("override", b -> all(b, OVERRIDE_TARGET)),
            new Rule("override", b -> all(b, OVERRIDE_RULES) && any(b, DIRECTED)),
            new Rule("reveal", b -> all(b, REVEAL_TARGET)),
            new Rule("reveal", b -> all(b, REVEAL_RULES) && any(b, DIRECTED)),
            new Rule("others", b -> all(b, OTHERS.bit()) && (any(b, ASK.bit())
                    || (any(b, REVEAL.bit() | ANSWERS.bit()) && any(b, DIRECTED)))),
            new Rule("roleplay", b -> all(b, ROLEPLAY.bit())),
            new Rule("roleplay", b -> all(b, PLAY.bit()) && any(b, MODE.bit() | TAKEOVER.bit() | TARGET | AI.bit())),
            new Rule("authority", b -> all(b, AUTHORITY) && (any(b, TARGET | TAKEOVER.bit())
                    || (any(b, MODE.bit() | OVERRIDE.bit() | REVEAL.bit()) && any(b, DIRECTED)))),
            new Rule("indirect", b -> all(b, AI.bit()) && any(b, OVERRIDE.bit() | REVEAL.bit() | OBEY.bit() | ROLEPLAY.bit()
                    | PLAY.bit() | MODE.bit() | TAKEOVER.bit() | TARGET)),
            new Rule("encoded", b -> all(b, DECODE.bit() | OBEY.bit()) && any(b, IMPERATIVE | REQUEST.bit() | AI.bit())),
            new Rule("mode", b -> all(b, MODE.bit()) && any(b, IMPERATIVE | TAKEOVER.bit() | TARGET | AI.bit())),
            new Rule("takeover", b -> all(b, TAKEOVER.bit()) && any(b, MODE.bit() | AI.bit() | AUTHORITY | IMPERATIVE
                    | ROLEPLAY.bit() | PLAY.bit() | TARGET)),
            new Rule("obey", b -> all(b, OBEY.bit()) && (any(b, AI.bit() | TAKEOVER.bit() | TARGET)
                    || all(b, MODE.bit() | IMPERATIVE))));

    private Rules() {
    }

    /** The verdict on the cues of one text, or null when no rule holds. */
    static Verdict judge(List<Cues.Match> found, Texts.Squeezed text, Lexicon lexicon) {
        if (found.size() < 2 && (found.isEmpty() || found.getFirst().concept() != ROLEPLAY)) {
            return null;
        }
        long languages = 0;
        for (Cues.Match m : found) {
            languages |= 1L << m.language();
        }
        long own = languages & ~1L;
        Verdict best = null;
        for (int lang = 0; lang < lexicon.languages(); lang++) {
            boolean consider = own == 0 ? lang == Lexicon.COMMON : lang != Lexicon.COMMON && (own & (1L << lang)) != 0;
            if (!consider) {
                continue;
            }
            List<Cues.Match> mine = new ArrayList<>(found.size());
            for (Cues.Match m : found) {
                if (m.sameLanguage(lang)) {
                    mine.add(m);
                }
            }
            if (ruleFor(optimistic(mine)) == null) {
                continue;
            }
            Verdict v = inWindows(mine, text, lexicon, lang);
            if (v != null && (best == null || weight(v) > weight(best))) {
                best = v; // close languages share cues (cs and pl, uk and ru): the one with more of the text wins
            }
        }
        return best;
    }

    private static int weight(Verdict v) {
        int chars = 0;
        for (Cues.Match m : v.evidence()) {
            chars += m.language() == v.language() ? m.end() - m.start() : 0;
        }
        return chars;
    }

    private static Verdict inWindows(List<Cues.Match> mine, Texts.Squeezed text, Lexicon lexicon, int lang) {
        int last = -1;
        for (Cues.Match first : mine) {
            int from = text.sentence()[first.start()];
            if (from == last) {
                continue;
            }
            last = from;
            List<Cues.Match> window = new ArrayList<>();
            for (Cues.Match m : mine) {
                int s = text.sentence()[m.start()];
                if (s >= from && s < from + SENTENCES) {
                    window.add(m);
                }
            }
            String kind = ruleFor(bits(window, lexicon.yourPosition(lang)));
            if (kind != null) {
                return new Verdict(kind, lang, List.copyOf(window));
            }
        }
        return null;
    }

    private static String ruleFor(int bits) {
        for (Rule r : RULES_IN_ORDER) {
            if (r.holds().test(bits)) {
                return r.kind();
            }
        }
        return null;
    }

    /** Concept bits with the derived readings assumed wherever their parts are present: a cheap first test. */
    private static int optimistic(List<Cues.Match> ms) {
        int b = 0;
        for (Cues.Match m : ms) {
            b |= m.concept().bit() | (m.imperative() && m.capable() ? IMPERATIVE : 0);
        }
        if (all(b, INSTRUCTIONS.bit()) || (any(b, RULES.bit() | CONTENTS.bit()) && any(b, YOUR.bit() | PRIOR.bit()))) {
            b |= TARGET;
            b |= all(b, OVERRIDE.bit()) ? OVERRIDE_TARGET : 0;
            b |= any(b, REVEAL.bit() | ASK.bit()) ? REVEAL_TARGET : 0;
        }
        b |= all(b, OVERRIDE.bit() | RULES.bit()) ? OVERRIDE_RULES : 0;
        b |= all(b, REVEAL.bit() | RULES.bit()) ? REVEAL_RULES : 0;
        if (all(b, ROLE.bit()) && any(b, SELF.bit() | YOUR.bit())) {
            b |= AUTHORITY;
        }
        return b;
    }

    private static int bits(List<Cues.Match> ms, Lexicon.Position your) {
        int b = 0;
        for (Cues.Match m : ms) {
            b |= m.concept().bit() | (m.imperative() && m.capable() ? IMPERATIVE : 0);
        }
        List<Cues.Match> targets = targets(ms, your);
        if (!targets.isEmpty()) {
            b |= TARGET;
        }
        for (Cues.Match v : ms) {
            Concept c = v.concept();
            if (c == OVERRIDE) {
                b |= near(v, targets) ? OVERRIDE_TARGET : 0;
                b |= nearConcept(v, ms, RULES) ? OVERRIDE_RULES : 0;
            } else if (c == REVEAL || c == ASK) {
                b |= near(v, targets) ? REVEAL_TARGET : 0;
                b |= c == REVEAL && nearConcept(v, ms, RULES) ? REVEAL_RULES : 0;
            }
        }
        if (all(b, ROLE.bit()) && claimed(ms, your)) {
            b |= AUTHORITY;
        }
        return b;
    }

    /**
     * The phrases that name the agent's own instructions: what only it has ("the interview guide"), a word for
     * rules with a possessive on its side or a qualifier on either ("your rules", "instructions above"), a
     * generic container with a possessive ("your notes").
     */
    private static List<Cues.Match> targets(List<Cues.Match> ms, Lexicon.Position your) {
        List<Cues.Match> out = new ArrayList<>(2);
        for (Cues.Match r : ms) {
            if (r.concept() == INSTRUCTIONS) {
                out.add(r);
            } else if (r.concept() == RULES || r.concept() == CONTENTS) {
                for (Cues.Match q : ms) {
                    if ((q.concept() == PRIOR && r.concept() == RULES && near(q, r, Lexicon.Position.EITHER, NEAR))
                            || (q.concept() == YOUR && near(q, r, your, r.concept() == RULES ? NEAR : ADJACENT))) {
                        out.add(r);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean near(Cues.Match verb, List<Cues.Match> targets) {
        for (Cues.Match t : targets) {
            if (gap(verb, t) <= VERB_NEAR) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearConcept(Cues.Match verb, List<Cues.Match> ms, Concept concept) {
        for (Cues.Match m : ms) {
            if (m.concept() == concept && gap(verb, m) <= VERB_NEAR) {
                return true;
            }
        }
        return false;
    }

    private static int gap(Cues.Match a, Cues.Match b) {
        return Math.max(0, Math.max(a.start() - b.end(), b.start() - a.end()));
    }

    /** A role claimed by the writer or given to the agent's owner: "this is Dana from the research team", "your developer". */
    private static boolean claimed(List<Cues.Match> ms, Lexicon.Position your) {
        for (Cues.Match r : ms) {
            if (r.concept() != ROLE) {
                continue;
            }
            for (Cues.Match q : ms) {
                if (q.concept() == SELF && near(q, r, Lexicon.Position.BEFORE, 40)) {
                    return true;
                }
                if (q.concept() == YOUR && near(q, r, your, 12)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code q} stands on the given side of {@code r}, at most {@code gap} characters away. */
    private static boolean near(Cues.Match q, Cues.Match r, Lexicon.Position side, int gap) {
        boolean before = q.end() <= r.start() && r.start() - q.end() <= gap;
        boolean after = q.start() >= r.end() && q.start() - r.end() <= gap;
        return switch (side) {
            case BEFORE -> before;
            case AFTER -> after;
            case EITHER -> before || after;
        };
    }

    private static boolean all(int bits, int mask) {
        return (bits & mask) == mask;
    }

    private static boolean any(int bits, int mask) {
        return (bits & mask) != 0;
    }
}
