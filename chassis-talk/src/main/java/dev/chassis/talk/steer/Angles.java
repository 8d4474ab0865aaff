package dev.chassis.talk.steer;

import dev.chassis.core.text.Words;
import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.guard.LeakGuard;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@link Angle} to ask for more on an objective from: one not used on it yet in this interview (so no wording is said
 * twice), "on what?" only right after an answer that said it depends and no more, and only where the objective can be
 * named in the session's language (its title, said first in the question, so no language has to inflect it).
 */
final class Angles {

    /** A longer title is a sentence, not a name for a topic: no question is built around it. */
    private static final int MOST_TITLE_WORDS = 7;
    /**
     * A description's first part longer than this is an account of the objective, not a name for it; and eight words in a row
     * from the staged briefing are a recital the leak guard never lets out ({@link LeakGuard#STAGED_RUN}): the question would
     * go. Counted both as the leak guard counts ({@link Words#words}) and by spaces: steering's own count reads Korean, written
     * with spaces but matched without them, by its characters (a description of six spaced words read as more than seven, and
     * never asked), and the guard splits Devanagari at its vowel signs ("पैसा कहाँ से आता है" is six words to it).
     */
    private static final int MOST_DESCRIBED_WORDS = LeakGuard.STAGED_RUN - 1;
    /** Fewer words ("How often", cut before "and when ...") name no topic. */
    private static final int LEAST_DESCRIBED_WORDS = 3;

    private Angles() {
    }

    /** The next angle on {@code objective}, with the name the question gives it; empty when none is left or it has no name. */
    static Optional<Directive.Deepen> next(SteeringContext c, String objective, String why) {
        Optional<String> topic = topic(c, objective);
        Set<Angle> used = used(c, objective);
        if (topic.isPresent() && !used.contains(Angle.DEPENDS) && dependsJustSaid(c, objective)) {
            return Optional.of(new Directive.Deepen(c.language(), objective, topic.get(), Angle.DEPENDS, why, java.util.List.of()));
        }
        // The objective as the guide describes it first: a title ("Pieniądze klubu") is the researcher's label, the guide's own
        // words for the topic ("Skąd klub bierze pieniądze") are what a person hears as that topic and answers on.
        Optional<String> described = used.contains(Angle.ABOUT) ? Optional.empty() : described(c, objective);
        if (topic.isEmpty() && described.isEmpty()) {
            return Optional.empty();
        }
        // After something hard was told, "what is the most difficult part?" would ask them back into it.
        boolean hurt = c.state().emotions().stream().anyMatch(e -> e.valence() < 0 && e.intensity() >= dev.chassis.talk.text.Feelings.STRONG);
        // Never the one just asked: the same question on the next topic, right after it was asked on this one, is heard as a
        // repeat ("...: what happened the last time it came up?" twice); then the description, then angles not asked anywhere yet.
        // One walk of the log: the angles asked anywhere, in order (the last one is the one just asked).
        java.util.List<Angle> asked = new java.util.ArrayList<>();
        for (Directive.Deepen m : c.state().takeUps().deepens()) {
            asked.add(m.angle());
        }
        Set<Angle> anywhere = asked.isEmpty() ? EnumSet.noneOf(Angle.class) : EnumSet.copyOf(asked);
        Optional<Angle> last = lastAsked(c);
        Optional<Angle> pick = java.util.Arrays.stream(Angle.values())
                .filter(a -> a != Angle.DEPENDS && !used.contains(a) && !(hurt && a == Angle.HARDEST))
                .filter(a -> a == Angle.ABOUT ? described.isPresent() : topic.isPresent())
                .min(java.util.Comparator.comparingInt((Angle a) -> last.filter(a::equals).isPresent() ? 1 : 0)
                        .thenComparingInt(a -> a == Angle.ABOUT ? 0 : 1)
                        .thenComparingInt(a -> anywhere.contains(a) ? 1 : 0));
        return pick.map(a -> new Directive.Deepen(c.language(), objective, a == Angle.ABOUT ? described.get() : topic.get(), a, why,
                java.util.List.of()));
    }

    /**
     * The objective in the guide's own words for it ({@link Angle#ABOUT}), where it was not asked so on it yet, the guide has
     * such words, and it was not the angle just asked (the same question again on the next topic).
     */
    static Optional<Directive.Deepen> about(SteeringContext c, String objective, String why) {
        if (used(c, objective).contains(Angle.ABOUT) || lastAsked(c).filter(Angle.ABOUT::equals).isPresent()) {
            return Optional.empty();
        }
        return described(c, objective).map(d -> new Directive.Deepen(c.language(), objective, d, Angle.ABOUT, why, java.util.List.of()));
    }

    /** The angle of the last take-up from an angle, on any objective. */
    private static Optional<Angle> lastAsked(SteeringContext c) {
        var deepens = c.state().takeUps().deepens();
        return deepens.isEmpty() ? Optional.empty() : Optional.of(deepens.getLast().angle());
    }

    /**
     * The rule: "it depends", and no more, as the answer to a question on the current objective is asked "on what?" (once
     * per objective), as a researcher would, before anything else the answer might prompt.
     */
    static Optional<Directive> onWhat(SteeringContext c) {
        String objective = c.currentObjective();
        if (!dependsJustSaid(c, objective) || c.plan().declined(objective) || used(c, objective).contains(Angle.DEPENDS)) {
            return Optional.empty();
        }
        return topic(c, objective).<Directive>map(t -> new Directive.Deepen(c.language(), objective, t, Angle.DEPENDS,
                "they said it depends, not on what", java.util.List.of()));
    }

    /** Whether the last answer, to a question on {@code objective}, said it depends and no more. */
    private static boolean dependsJustSaid(SteeringContext c, String objective) {
        boolean on = c.state().lastDirective().flatMap(Directive::objective).filter(objective::equals).isPresent();
        return on && Depends.bare(c.lastAnswer(), c.language());
    }

    /** The objective's title in the session's language, where the guide words it there and it is short enough to name it. */
    static Optional<String> topic(SteeringContext c, String objective) {
        if (!c.plan().wordedIn().equals(c.language())) {
            return Optional.empty(); // a title in the guide's language would mix two languages in one turn
        }
        String title = c.plan().objective(objective).title().strip().replaceAll("[\\s.:;!?。？！]+$", "");
        int words = Declining.words(title, c.language());
        return title.isEmpty() || words > MOST_TITLE_WORDS ? Optional.empty() : Optional.of(title);
    }

    /**
     * The objective as the guide describes it, in the session's language, to name it by: the description's first sentence cut
     * before a second question it joins on ("Var pengarna kommer ifrån och vilka svåra beslut ..." gives "Var pengarna kommer
     * ifrån"), so the question asks one thing; empty where the guide has no description there, or it is too long to name a topic.
     */
    static Optional<String> described(SteeringContext c, String objective) {
        if (!c.plan().wordedIn().equals(c.language())) {
            return Optional.empty(); // a description in the guide's language would mix two languages in one turn
        }
        String d = c.plan().objective(objective).description().strip();
        java.util.regex.Matcher end = SENTENCE_END.matcher(d);
        if (end.find() && end.end() < d.length()) {
            d = d.substring(0, end.start());
        }
        int cut = d.length();
        String lower = d.toLowerCase(java.util.Locale.ROOT);
        for (java.util.regex.Pattern p : lower.length() == d.length() ? QuestionPatterns.of(c.language()).twice() : java.util.List.<java.util.regex.Pattern>of()) {
            java.util.regex.Matcher m = p.matcher(lower);
            if (m.find() && m.start() > 0 && m.start() < cut) {
                int at = m.start();
                if (Character.isLetter(d.charAt(at - 1)) && Character.isLetter(d.charAt(at))) {
                    // a pattern that opens on the word before the joiner, or on the first question word in a language
                    // written without spaces: cut at the end of that word or clause (its space or comma); with none, the
                    // description does not name one topic
                    at = firstSpace(d, at);
                    if (at < 0) {
                        return Optional.empty();
                    }
                }
                cut = Math.min(cut, at);
            }
        }
        String named = d.substring(0, cut).replaceAll("[\\s,;:.!?、。？！]+$", "").strip();
        int words = Declining.words(named, c.language());
        return named.isEmpty() || words < LEAST_DESCRIBED_WORDS || tooLong(named, words) || QuestionCheck.doubleBarrelled(named + "?", c.language())
                ? Optional.empty() : Optional.of(named);
    }

    /**
     * Whether a description's first part is too long to name a topic by: more words than the leak guard lets out in a row, or,
     * written with spaces, more spaced words than a name has (steering's count of {@code words}, characters by three in a
     * script without spaces, is kept only where there are no spaces to count by).
     */
    private static boolean tooLong(String named, int words) {
        boolean spaced = named.chars().anyMatch(Character::isWhitespace);
        int said = spaced ? dev.chassis.talk.text.Cues.spacedWords(named) : words;
        return said > MOST_DESCRIBED_WORDS || Words.words(named).size() > MOST_DESCRIBED_WORDS;
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[。？！]|[.!?](\\s|$)");

    private static int firstSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',' || s.charAt(i) == '、' || s.charAt(i) == '，') {
                return i;
            }
        }
        return -1;
    }

    /** The angles asked on {@code objective} in this interview (the state keeps the angles asked: no walk of the log). */
    static Set<Angle> used(SteeringContext c, String objective) {
        Set<Angle> out = EnumSet.noneOf(Angle.class);
        for (Directive.Deepen m : c.state().takeUps().deepens()) {
            if (m.objectiveId().equals(objective)) {
                out.add(m.angle());
            }
        }
        return out;
    }
}
