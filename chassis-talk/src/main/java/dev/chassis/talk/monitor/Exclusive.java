package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One named thing for a job, then another: "we do all of our scheduling in Excel" and "all our scheduling is done in Google
 * Sheets". A frame of a job (the content words both claims share), the names said for it (words written with a capital
 * inside the sentence, in scripts that have capitals), and whether either claim makes it exclusive ("only", "everything",
 * "uniquement", "nur": the language's {@code only} cues). A name only one side says, on each side, with an exclusive claim
 * and the same job, is a contradiction; a list ("Trello and Asana") that holds the other's name is not.
 */
final class Exclusive {

    /** A job shared by one content word of four letters or more, or by two words: "scheduling", "tasks". */
    private static final int LONG_TERM = 4;

    private Exclusive() {
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        if (deniesBeyondOnly(earlier) || deniesBeyondOnly(later) || !Subjects.plain(earlier) || !Subjects.plain(later)
                || !exclusive(earlier) && !exclusive(later)) {
            return Optional.empty();
        }
        Set<String> a = names(earlier);
        Set<String> b = names(later);
        // A capital that names the job the other side does with its tool is a noun, not a tool ("Unsere ganze Planung" / "planen").
        a.removeIf(n -> later.subject().stream().anyMatch(t -> NegationScope.similar(t, n)));
        b.removeIf(n -> earlier.subject().stream().anyMatch(t -> NegationScope.similar(t, n)));
        Set<String> onlyA = new LinkedHashSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new LinkedHashSet<>(b);
        onlyB.removeAll(a);
        if (onlyA.isEmpty() || onlyB.isEmpty()) {
            return Optional.empty();
        }
        List<String> shared = new ArrayList<>(earlier.subject());
        shared.removeIf(t -> later.subject().stream().noneMatch(o -> NegationScope.similar(t, o)));
        shared.removeIf(t -> a.stream().anyMatch(n -> n.startsWith(t)) || b.stream().anyMatch(n -> n.startsWith(t)));
        List<String> distinct = shared.stream().distinct().toList();
        if (distinct.size() < 2 && distinct.stream().noneMatch(t -> t.length() >= LONG_TERM)) {
            return Optional.empty();
        }
        return Optional.of(new String[] {"tool", "said " + String.join(" ", onlyA) + " for " + String.join(", ", distinct)
                + ", now " + String.join(" ", onlyB)});
    }

    /** Whether the claim denies something other than with its exclusive words ("and nothing else" is not a denial). */
    private static boolean deniesBeyondOnly(Claim c) {
        if (c.frequency().filter("never"::equals).isPresent()) {
            return true;   // "only for studying, never during the tests": a rule of use, not the one tool for a job
        }
        return c.negated() && ClaimReading.of(c).negatesBeyondOnly();
    }

    /** Whether a sentence in {@code language} has a negation besides its exclusive words; read once per claim ({@link ClaimReading}). */
    static boolean negatesBeyondOnly(String quote, String language) {
        Cues cues = Cues.of(language);
        String rest = Cues.lower(quote);
        for (String o : cues.only()) {
            rest = rest.replace(o, " ");
        }
        String left = rest;
        return cues.negation().stream().anyMatch(n -> cues.find(left, n) >= 0) || left.contains("n't");
    }

    /** Whether the claim says "only" (or "everything", "uniquement"...) within a few words of a name it says. */
    private static boolean exclusive(Claim c) {
        return ClaimReading.of(c).exclusive();
    }

    /** {@link #exclusive} read off a sentence in {@code language}, once per claim ({@link ClaimReading}). */
    static boolean readExclusive(String quote, String language) {
        Cues cues = Cues.of(language);
        List<String> words = words(quote);
        String lower = Cues.lower(quote);
        for (String o : cues.found(lower, cues.only())) {
            int at = cues.find(lower, o);
            if (restrictsWhenOrHowMany(lower.substring(at + o.length()), cues, named(words, cues))) {
                continue;   // "die liefert nur noch mittwochs", "only twice a year": the times are few, not the tool the one
            }
            int index = words(quote.substring(0, at)).size();
            for (int i = Math.max(0, index - NEAR); i < Math.min(words.size(), index + NEAR + 1); i++) {
                if (isName(words, i, cues)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the words right after an "only", up to a name, hold a time, a rate or a number: then it limits when or how many
     * ("nur noch mittwochs", "only meets on Mondays", "seulement deux fois"), and no name near it is made the one for a job.
     */
    private static boolean restrictsWhenOrHowMany(String after, Cues cues, Set<String> named) {
        for (String w : words(after).stream().limit(AFTER_ONLY).toList()) {
            if (w.chars().anyMatch(Character::isDigit) || cues.numbers().containsKey(w) || cues.rate().containsKey(w)
                    || cues.periodic().containsKey(w) || cues.units().stream().anyMatch(u -> timeUnit(u.getValue()) && u.getKey().equals(w))
                    || cues.frequency().stream().anyMatch(f -> f.getKey().equals(w))) {
                return true;
            }
            if (named.contains(w)) {
                return false;   // "only use Excel daily": the name comes first, it is the one
            }
        }
        return false;
    }

    /** The words of {@code words} written with a capital after the first, lower-cased: see {@link #names}. */
    private static Set<String> named(List<String> words, Cues cues) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            if (isName(words, i, cues)) {
                out.add(words.get(i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Words looked at after an "only" for the time or number it limits. */
    private static final int AFTER_ONLY = 3;

    private static boolean timeUnit(String kind) {
        return switch (kind) {
            case "minute", "hour", "day", "week", "month", "quarter", "year" -> true;
            default -> false;
        };
    }

    /** How near (in words) a name must stand to the word that makes it the only one: "only use Trello", "uniquement sur Notion". */
    private static final int NEAR = 5;

    /** Words written with a capital after the sentence's first word (lower-cased), other than the language's own words ("I", "NEVER"). */
    static Set<String> names(Claim c) {
        return new LinkedHashSet<>(ClaimReading.of(c).capitalised());
    }

    /** {@link #names} read off a sentence in {@code language}, once per claim ({@link ClaimReading}). */
    static Set<String> namesIn(String quote, String language) {
        return named(words(quote), Cues.of(language));
    }

    private static boolean isName(List<String> words, int i, Cues cues) {
        String w = words.get(i);
        String lower = Cues.lower(w);
        return i > 0 && w.length() > 1 && Character.isUpperCase(w.codePointAt(0)) && !w.startsWith("I'")
                && !cues.function().contains(lower) && !cues.negation().contains(lower) && !cues.firstPerson().contains(lower)
                && cues.frequency().stream().noneMatch(f -> f.getKey().equals(lower));
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(NOT_WORD.split(text)).filter(w -> !w.isEmpty()).toList();
    }

    /** Compiled once: {@code String.split} compiled it on every call, for every claim and every "only" in it. */
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}\\p{N}'-]+");
}
