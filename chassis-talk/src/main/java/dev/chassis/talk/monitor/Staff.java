package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Having none of something, then a number of it: "Trabajo sola, no tengo empleados" and "Mis dos empleadas abren la
 * tienda", "Je travaille seule, sans salarié" and "Mes trois salariés ouvrent la boutique", "Ich arbeite ganz allein, ohne
 * Angestellte" and "Meine vier Angestellten machen die Kasse". The first denies the thing in a clause of its own (a negation,
 * or the language's "without": {@link Frames#without}); the second, the person's own, puts a number right before the same
 * word. Someone else's staff, or a number of another thing, is not.
 */
final class Staff {

    private static final Pattern CLAUSE = Pattern.compile("[,;:–—、，]| - ");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'’-]+");
    /** The word the two share names a thing: a stem this long at least ("emplead", "sala", "करमचार"). */
    private static final int THING = 4;

    private Staff() {
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        return none(earlier, later).or(() -> none(later, earlier));
    }

    private static Optional<String[]> none(Claim without, Claim counted) {
        if (!Subjects.plain(without) || !Subjects.plain(counted) || !Subjects.own(without) || !Subjects.own(counted)
                || counted.negated() || counted.quantity().filter(q -> q >= 1).isEmpty()) {
            return Optional.empty();
        }
        String language = NegationScope.language(without);
        Cues cues = Cues.of(language);
        List<String> counts = countedWords(counted);
        List<String> none = new java.util.ArrayList<>(cues.negation());
        none.addAll(Frames.of(language).without());
        for (String clause : CLAUSE.split(Cues.lower(without.quote()))) {
            String[] words = WORD.split(clause.strip());
            for (int i = 0; i < words.length; i++) {
                if (!none.contains(words[i])) {
                    continue;
                }
                // What is denied stands right by the denial: "no tengo empleados", "sans salarié", "कोई कर्मचारी नहीं".
                int from = cues.negationAfter() ? Math.max(0, i - NEAR) : i + 1;
                int to = cues.negationAfter() ? i : Math.min(words.length, i + 1 + NEAR);
                for (int j = from; j < to; j++) {
                    for (String t : Analysis.terms(words[j], language)) {
                        if (t.length() >= THING && counts.stream().anyMatch(c -> NegationScope.similar(t, c))) {
                            return Optional.of(new String[] {"number", "said they have no " + t + " at turn "
                                    + Math.min(without.turn(), counted.turn()) + ", and " + Counts.fmt(counted.quantity().get())});
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** How many words from the denial what it denies may stand: "no tengo empleados", "कोई कर्मचारी नहीं". */
    private static final int NEAR = 3;

    /** The stems of the words right after a number in the claim ("dos empleadas", "3 salariés", "तीन कर्मचारी"). */
    private static List<String> countedWords(Claim c) {
        String language = NegationScope.language(c);
        Cues cues = Cues.of(language);
        String[] words = WORD.split(Cues.lower(c.quote()));
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < words.length; i++) {
            boolean number = cues.numbers().containsKey(words[i]) || !words[i].isEmpty() && words[i].chars().allMatch(Character::isDigit);
            if (number) {
                out.addAll(Analysis.terms(words[i + 1], language));
            }
        }
        return out;
    }
}
