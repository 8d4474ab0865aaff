package dev.chassis.talk.monitor;

import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison, read with the language's {@link Frames}: "we spend more on software than on rent" against "the software costs
 * much less than the rent", or the two things the other way round with the same direction. Who does a task is {@link Agents}.
 */
final class Compared {

    /** How many words may stand between a comparative and its "than": "more time on email than", "больше, чем". */
    private static final int THAN_WITHIN = 6;
    /** How many words after "than" name the thing compared with. */
    private static final int AGAINST_WORDS = 4;
    private static final Pattern CLAUSE_END = Pattern.compile("[.;:!?。！？؟]");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'-]+");

    private Compared() {
    }

    /**
     * A comparison said of a claim: more (+1) or less (-1), what is compared (the claim's other terms) and what with (the
     * terms after "than").
     */
    record Comparison(int sign, List<String> compared, List<String> against) { }

    /** Whether a sentence (lower case) compares two things: a comparative with its "than" after it. */
    static boolean compares(String lower, String language) {
        return comparison(lower, language, List.of()).isPresent();
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        if (!Subjects.plain(earlier) || !Subjects.plain(later)) {
            return Optional.empty();
        }
        Optional<Comparison> a = comparison(Cues.lower(earlier.quote()), NegationScope.language(earlier), earlier.subject());
        Optional<Comparison> b = comparison(Cues.lower(later.quote()), NegationScope.language(later), later.subject());
        if (a.isEmpty() || b.isEmpty() || earlier.negated() || later.negated()) {
            return Optional.empty();
        }
        Comparison x = a.get();
        Comparison y = b.get();
        boolean sameAgainst = meet(x.against(), y.against());
        boolean crossed = meet(x.against(), y.compared()) && meet(y.against(), x.compared());
        boolean opposite = sameAgainst && meet(x.compared(), y.compared()) && x.sign() != y.sign()
                || crossed && !sameAgainst && x.sign() == y.sign();
        return opposite ? Optional.of(new String[] {"comparison", "said " + direction(x) + " at turn " + earlier.turn()
                + ", now " + direction(y)}) : Optional.empty();
    }

    private static Optional<Comparison> comparison(String lower, String language, List<String> subject) {
        Frames frames = Frames.of(language);
        if (frames.than().isEmpty()) {
            return Optional.empty();
        }
        Cues cues = Cues.of(language);
        int at = -1;
        int length = 0;
        int sign = 0;
        for (int s : new int[] {1, -1}) {
            for (String w : s > 0 ? frames.more() : frames.less()) {
                int i = cues.find(lower, w);
                // The first comparative; of two starting there the longer ("más barato" is cheaper, not "más").
                if (i >= 0 && (at < 0 || i < at || i == at && w.length() > length)) {
                    at = i;
                    length = w.length();
                    sign = s;
                }
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        String rest = lower.substring(at + length);
        Matcher end = CLAUSE_END.matcher(rest);
        String clause = end.find() ? rest.substring(0, end.start()) : rest;
        List<String> words = java.util.Arrays.stream(WORD.split(clause.strip())).filter(w -> !w.isEmpty()).toList();
        for (int i = 0; i < Math.min(words.size(), THAN_WITHIN + 1); i++) {
            String against = againstAt(words, i, frames.than());
            if (against != null) {
                List<String> terms = Analysis.terms(against, language).stream().filter(t -> !Words.isStopword(t)).toList();
                if (terms.isEmpty()) {
                    return Optional.empty();   // "more than 20": a number, which the claim's quantity compares
                }
                // What is compared, without the verb that carries the amount: "spend" and "costs" name no thing.
                List<String> carriers = Durations.carriers(language);
                List<String> compared = subject.stream().filter(t -> terms.stream().noneMatch(o -> NegationScope.similar(t, o)))
                        .filter(t -> !carriers.contains(t)).toList();
                return Optional.of(new Comparison(sign, compared, terms));
            }
        }
        return Optional.empty();
    }

    /** The words naming what is compared with when a "than" stands at word {@code i}, else null. */
    private static String againstAt(List<String> words, int i, List<String> than) {
        String w = words.get(i);
        for (String t : than) {
            if (t.endsWith("-") && w.startsWith(t.substring(0, t.length() - 1)) && w.length() > t.length() + 1) {
                return String.join(" ", words.subList(i, Math.min(words.size(), i + AGAINST_WORDS))).substring(t.length() - 1);
            }
            boolean elided = t.endsWith("'") && w.startsWith(t) && w.length() > t.length();
            if (w.equals(t) || elided) {
                String first = elided ? w.substring(t.length()) + " " : "";
                return first + String.join(" ", words.subList(i + 1, Math.min(words.size(), i + 1 + AGAINST_WORDS)));
            }
        }
        return null;
    }

    private static boolean meet(List<String> a, List<String> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> NegationScope.similar(x, y)));
    }

    private static String direction(Comparison c) {
        return String.join(" ", c.compared()) + (c.sign() > 0 ? " more than " : " less than ") + String.join(" ", c.against());
    }
}
