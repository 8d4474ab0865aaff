package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who does a task, told two ways: the person alone ("I do all the bookkeeping myself", "Las redes sociales las llevo yo",
 * "C'est moi qui fais la comptabilité") against someone else named doing it, either the whole of it ("my wife does all the
 * bookkeeping") or with the person's own denial beside it ("Our accountant handles the payroll, I never touch it", "Gli
 * ordini li fa mia sorella, io non me ne occupo", "हिसाब मेरे पति देखते हैं, मैं उसमें हाथ नहीं लगाती"). The task is a word
 * met on both sides. Someone else doing another task, or not doing it ("Mon associé ne fait jamais de livraisons"), is not.
 */
final class Agents {

    /** A task two claims share is named by a word this long at least (a stem): "bookkeep", "comptabilit"; or one this long met whole ("cook"). */
    private static final int TASK_TERM = 5;
    private static final int TASK_WORD = 4;
    /** In unspaced scripts a task is a term of two characters at least ("シフト", "帳簿"). */
    private static final int UNSPACED_TERM = 2;
    private static final Pattern CLAUSE = Pattern.compile("[,;:–—、，]| - ");
    // Compiled once: String.split, replaceAll and matches compiled them on every call, for every pair of claims.
    private static final Pattern FINAL_STOPS = Pattern.compile("[.!?。！？]+\\s*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CONTRACTED_IN = Pattern.compile("(?s).*\\b\\p{L}+n't\\b.*");

    private Agents() {
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        if (doneAlone(earlier) && byAnother(later, earlier) || doneAlone(later) && byAnother(earlier, later)) {
            return Optional.of(new String[] {"agent", "said at turn " + earlier.turn() + " who does it, now someone else"});
        }
        return Optional.empty();
    }

    private static boolean byAnother(Claim other, Claim alone) {
        return doneByAnother(other, alone) || handedOver(other, alone);
    }

    /**
     * The person doing a task alone: a word of it ({@link Frames#self}) or a pronoun closing a clause, in a clause that does
     * not deny ("Die Bestellungen mache ich selbst, das gebe ich nicht ab": the denial is of handing it over).
     */
    private static boolean doneAlone(Claim c) {
        String language = NegationScope.language(c);
        if (c.frequency().filter("never"::equals).isPresent() || NegationScope.aboutOthers(c) || !Subjects.plain(c)
                || !has(c, Frames.of(language).self()) && !emphatic(c, language)) {
            return false;
        }
        if (!c.negated()) {
            return true;
        }
        Cues cues = Cues.of(language);
        List<String> self = Frames.of(language).self();
        for (String clause : CLAUSE.split(Cues.lower(c.quote()))) {
            if (self.stream().anyMatch(w -> cues.find(clause, w) >= 0) && !denies(clause, cues)) {
                return true;
            }
        }
        return false;
    }

    /** A subject pronoun closing a clause of the claim ({@link Frames#emphatic}): "Los pedidos los hago yo." */
    private static boolean emphatic(Claim c, String language) {
        List<String> pronouns = Frames.of(language).emphatic();
        if (pronouns.isEmpty()) {
            return false;
        }
        for (String clause : CLAUSE.split(FINAL_STOPS.matcher(Cues.lower(c.quote())).replaceAll(""))) {
            String[] words = SPACES.split(clause.strip());
            if (words.length >= 3 && pronouns.contains(words[words.length - 1])) {
                return true;
            }
        }
        return false;
    }

    /** Someone else named doing the whole of the task the person said they do alone. */
    private static boolean doneByAnother(Claim other, Claim alone) {
        String language = NegationScope.language(other);
        Cues cues = Cues.of(language);
        if (other.negated() || other.frequency().filter("never"::equals).isPresent() || !Subjects.plain(other) || has(other, Frames.of(language).self())
                || cues.found(Cues.lower(other.quote()), cues.others()).isEmpty()
                || !has(other, Frames.of(language).whole()) && !has(alone, Frames.of(NegationScope.language(alone)).whole())) {
            return false;
        }
        List<String> people = people(other, language);
        return alone.subject().stream().filter(t -> t.length() >= TASK_TERM && !people.contains(t))
                .anyMatch(t -> other.subject().stream().anyMatch(o -> NegationScope.similar(t, o)));
    }

    /**
     * The stems of the words naming other people ({@code others}) in the claim: never the task ("La montó mi sobrino" and "mi
     * sobrino se encarga de casi todo" share the nephew, not a task; "bookkeeping" is a task though "bookkeeper" is a person).
     */
    private static List<String> people(Claim c, String language) {
        Cues cues = Cues.of(language);
        return cues.found(Cues.lower(c.quote()), cues.others()).stream().flatMap(w -> Analysis.terms(w, language).stream()).distinct().toList();
    }

    /**
     * Someone else named doing the task in one clause, the person denying doing anything of it in another: "Our accountant
     * handles the payroll, I never touch it", "Mijn boekhouder doet de administratie, daar kom ik niet aan".
     */
    private static boolean handedOver(Claim other, Claim alone) {
        String language = NegationScope.language(other);
        Cues cues = Cues.of(language);
        if (!Subjects.plain(other) || has(other, Frames.of(language).self())) {
            return false;
        }
        boolean theirs = false;
        boolean denied = false;
        for (String clause : CLAUSE.split(Cues.lower(other.quote()))) {
            boolean named = !cues.found(clause, cues.others()).isEmpty();
            boolean negative = denies(clause, cues);
            if (named && !negative) {
                theirs = true;
            } else if (!named && negative && (!cues.found(clause, cues.firstPerson()).isEmpty() || Frames.of(language).subjectless())) {
                denied = true;
            }
        }
        // The task may stand in a clause of its own ("Les livraisons, c'est mon associé qui les fait, moi jamais").
        return theirs && denied && task(Cues.lower(other.quote()), language, alone, other);
    }

    /** Whether a clause says not or never: a negation, or a frequency word of the lowest level. */
    private static boolean denies(String clause, Cues cues) {
        return !cues.found(clause, cues.negation()).isEmpty() || CONTRACTED_IN.matcher(clause).matches()
                || cues.frequency().stream().anyMatch(f -> f.getValue() == 0 && cues.find(clause, f.getKey()) >= 0);
    }

    /** Whether a clause names the task of the claim made alone: a word of it met (a long stem, or a shorter one whole). */
    private static boolean task(String clause, String language, Claim alone, Claim other) {
        boolean unspaced = Cues.of(language).unspaced();
        List<String> there = Analysis.terms(clause, language);
        List<String> people = people(other, language);
        return alone.subject().stream().filter(t -> !people.contains(t)).anyMatch(t -> unspaced ? t.length() >= UNSPACED_TERM && there.stream().anyMatch(t::equals)
                : t.length() >= TASK_TERM && there.stream().anyMatch(o -> NegationScope.similar(t, o))
                        || t.length() >= TASK_WORD && there.contains(t));
    }

    private static boolean has(Claim c, List<String> words) {
        Cues cues = Cues.of(NegationScope.language(c));
        String lower = Cues.lower(c.quote());
        return words.stream().anyMatch(w -> cues.find(lower, w) >= 0);
    }
}
