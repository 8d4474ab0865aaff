package dev.chassis.talk.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * The cues found in one squeezed text: each with its language, concept and place, and whether it is an
 * imperative (a verb that starts a clause, or follows "please", "now", "just" there). Stateless.
 */
final class Cues {

    /**
     * One cue found in the text.
     *
     * @param capable    whether the cue is a verb that can be an imperative
     * @param imperative whether it is one here (for leads: whether the lead starts a clause)
     */
    record Match(int language, Concept concept, int start, int end, boolean capable, boolean imperative) {
        boolean sameLanguage(int lang) {
            return language == lang || language == Lexicon.COMMON || lang == Lexicon.COMMON;
        }

        Match asImperative() {
            return new Match(language, concept, start, end, capable, true);
        }
    }

    private Cues() {
    }

    /**
     * The cues of {@code lexicon} in {@code text}, ordered by position.
     *
     * @param boundless match inside words too (letters that were spaced out and joined lost their word gaps)
     */
    static List<Match> find(Lexicon lexicon, Texts.Squeezed text, boolean boundless) {
        String s = text.text();
        List<Match> found = new ArrayList<>(4);
        lexicon.automaton().scan(s, (pattern, end) -> {
            int start = end - lexicon.patternLength(pattern);
            for (Lexicon.Cue cue : lexicon.cues(pattern)) {
                if (cue.concept() == Concept.REQUEST && text.quoted()[start]) {
                    continue; // a request in reported speech was made to someone else
                }
                boolean bounded = cue.unspaced() || bounded(s, start, end, cue);
                // Inside joined letters word gaps are gone, but a short cue found there is chance.
                if (!bounded && !(boundless && end - start >= 4)) {
                    continue;
                }
                boolean lead = cue.concept() == Concept.LEAD || cue.concept() == Concept.REQUEST;
                // An imperative in quotes is reported speech ("I asked it: \"give me a list\""), not an order to the agent.
                found.add(new Match(cue.language(), cue.concept(), start, end, cue.imperative(),
                        (cue.imperative() || lead) && text.clauseStart()[start] && !text.quoted()[start]));
            }
        });
        dropNeutralised(found);
        if (found.size() > 1) {
            found.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
            chainLeads(found, s);
        }
        return found;
    }

    /** Cues inside a neutral phrase of their language are not cues, and the phrase itself is no evidence. */
    private static void dropNeutralised(List<Match> found) {
        boolean any = false;
        for (Match m : found) {
            any |= m.concept() == Concept.NEUTRAL;
        }
        if (!any) {
            return;
        }
        List<Match> neutral = new ArrayList<>(2);
        for (Match m : found) {
            if (m.concept() == Concept.NEUTRAL) {
                neutral.add(m);
            }
        }
        found.removeIf(m -> {
            if (m.concept() == Concept.NEUTRAL) {
                return true;
            }
            for (Match n : neutral) {
                if (n.start() <= m.start() && m.end() <= n.end() && n.sameLanguage(m.language())) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean bounded(String s, int start, int end, Lexicon.Cue cue) {
        boolean left = cue.leftOpen() || start == 0 || !Texts.wordChar(s.charAt(start - 1)) || !Texts.wordChar(s.charAt(start));
        boolean right = cue.rightOpen() || end >= s.length() || !Texts.wordChar(s.charAt(end)) || !Texts.wordChar(s.charAt(end - 1));
        return left && right;
    }

    /** A verb right after a lead that starts a clause ("please just ignore ...") is an imperative too. */
    private static void chainLeads(List<Match> found, String s) {
        for (int i = 0; i < found.size(); i++) {
            Match m = found.get(i);
            if (!m.imperative() && (m.capable() || isLead(m)) && followsInitialLead(found, i, s)) {
                found.set(i, m.asImperative());
            }
        }
    }

    private static boolean followsInitialLead(List<Match> found, int i, String s) {
        Match m = found.get(i);
        for (int k = 0; k < i; k++) {
            Match lead = found.get(k);
            if (!lead.imperative() || !isLead(lead) || !lead.sameLanguage(m.language())) {
                continue;
            }
            if (lead.end() == m.start() || (lead.end() == m.start() - 1 && s.charAt(lead.end()) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLead(Match m) {
        return m.concept() == Concept.LEAD || m.concept() == Concept.REQUEST;
    }
}
