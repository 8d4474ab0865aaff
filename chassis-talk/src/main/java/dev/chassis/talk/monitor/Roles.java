package dev.chassis.talk.monitor;

import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who the person says they are, then less: "I'm the head nurse on the ward" and "I'm just a junior nurse", "Je suis la
 * gérante du restaurant" and "Je ne suis que serveuse dans ce restaurant". Both say who the person is (the language's
 * {@link Frames#copula}), one of them makes it less ({@link Frames#merely} right after it), and they share what the role
 * is in (a word met on both sides) while each names a word of the role the other does not.
 */
final class Roles {

    /** How far after "I'm" the word that makes it less may stand: "I'm just", "je ne suis que", "ich bin eigentlich nur". */
    private static final int MERELY_WITHIN = 3;
    /** A word of a role is a stem this long at least ("head", "nurs", "gerant"), not "a" or "on". */
    private static final int ROLE_WORD = 4;
    private static final Pattern CLAUSE = Pattern.compile("[,;:–—、，]| - | but | mais | aber | pero | mas ");
    /** In unspaced scripts a word of a role is two characters at least ("店長", "オーナー"). */
    private static final int UNSPACED_ROLE_WORD = 2;
    private static final Pattern END = Pattern.compile("[\\s.!?。！？।]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}'’]");

    private Roles() {
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        Optional<Role> a = role(earlier);
        Optional<Role> b = role(later);
        if (a.isPresent() && b.isPresent()) {
            Optional<String[]> given = givenAway(earlier, a.get(), later, b.get()).or(() -> givenAway(later, b.get(), earlier, a.get()));
            if (given.isPresent()) {
                return given;
            }
        }
        if (a.isEmpty() || b.isEmpty() || a.get().less() == b.get().less()) {
            return Optional.empty();
        }
        List<String> x = a.get().words();
        List<String> y = b.get().words();
        boolean shared = x.stream().anyMatch(t -> y.stream().anyMatch(o -> NegationScope.similar(t, o)));
        boolean ownA = x.stream().anyMatch(t -> y.stream().noneMatch(o -> NegationScope.similar(t, o)));
        boolean ownB = y.stream().anyMatch(t -> x.stream().noneMatch(o -> NegationScope.similar(t, o)));
        if (!shared || !ownA || !ownB) {
            return Optional.empty();
        }
        return Optional.of(new String[] {"role", "said '" + a.get().clause() + "' at turn " + earlier.turn() + ", now '" + b.get().clause() + "'"});
    }

    /**
     * The role the person claimed, given to someone else beside another role of their own: "I'm the owner of the bakery" and
     * "I'm one of the bakers, the owner is my uncle", "Soy la directora del colegio" and "Soy profesora, la directora es otra
     * compañera". A word of the first role, not in the second, stands in another clause of the second claim with another
     * person named there (the language's {@code others}).
     */
    private static Optional<String[]> givenAway(Claim first, Role claimed, Claim second, Role own) {
        String language = NegationScope.language(second);
        Cues cues = Cues.of(language);
        for (String clause : CLAUSE.split(Cues.lower(second.quote()))) {
            if (clause.strip().equals(own.clause()) || cues.found(clause, cues.others()).isEmpty()) {
                continue;
            }
            List<String> there = Analysis.terms(clause, language);
            boolean given = claimed.words().stream().anyMatch(t -> own.words().stream().noneMatch(o -> NegationScope.similar(t, o))
                    && there.stream().anyMatch(o -> NegationScope.similar(t, o)));
            if (given) {
                return Optional.of(new String[] {"role", "said '" + claimed.clause() + "' at turn " + Math.min(first.turn(), second.turn())
                        + ", and '" + own.clause() + "', '" + clause.strip() + "'"});
            }
        }
        return Optional.empty();
    }

    /**
     * Who the person says they are where the copula closes the clause ({@link Frames#copulaLast}): the person opens it, the
     * copula ends it, the role stands between ("मैं यहाँ सिर्फ़ वेटर हूँ", "私はただのアルバイトで").
     */
    private static Optional<Role> roleBefore(String lower, String language, Frames f, Cues cues) {
        for (String found : CLAUSE.split(lower)) {
            String clause = END.matcher(found.strip()).replaceAll("");
            String person = cues.firstPerson().stream().filter(p -> cues.unspaced() ? clause.startsWith(p) : clause.startsWith(p + " "))
                    .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
            String copula = f.copula().stream().filter(clause::endsWith).max(java.util.Comparator.comparingInt(String::length)).orElse(null);
            if (person == null || copula == null || person.length() + copula.length() >= clause.length()) {
                continue;
            }
            String rest = clause.substring(person.length(), clause.length() - copula.length()).strip();
            boolean less = f.merely().stream().anyMatch(m -> cues.find(rest, m) >= 0);
            String bare = rest;
            for (String m : f.merely()) {
                bare = cues.unspaced() ? bare.replace(m, " ") : (" " + bare + " ").replace(" " + m + " ", " ").strip();
            }
            int shortest = cues.unspaced() ? UNSPACED_ROLE_WORD : ROLE_WORD;
            List<String> words = Analysis.terms(bare, language).stream()
                    .filter(t -> t.length() >= shortest && !Words.isStopword(t) && !ClaimExtractor.saysNothing(t, language, cues)).toList();
            if (!words.isEmpty()) {
                return Optional.of(new Role(clause, words, less));
            }
        }
        return Optional.empty();
    }

    /** The clause saying who the person is, its words (the role and where), and whether it makes it less. */
    record Role(String clause, List<String> words, boolean less) { }

    /** Who the claim says the person is, read once per claim ({@link ClaimReading#role}). */
    private static Optional<Role> role(Claim c) {
        ClaimReading r = ClaimReading.of(c);
        return r.aboutOthers() || !r.plain() || r.toldAsBefore() ? Optional.empty() : r.role();
    }

    /** {@link #role} read off a sentence in {@code language}, once per claim ({@link ClaimReading}). */
    static Optional<Role> read(String quote, String detected) {
        String lower = Cues.lower(quote);
        // A short sentence is often detected as a neighbour: read in its language and in the one its function words point to.
        Optional<Role> read = role(lower, detected);
        String byFunctionWords = NegationScope.byFunctionWords(quote).orElse("en");
        // Read again only in another language: the same one gives the same reading (a fifth of a claim's reading, twice).
        return read.isPresent() || byFunctionWords.equals(detected) ? read : role(lower, byFunctionWords);
    }

    private static Optional<Role> role(String lower, String language) {
        Frames f = Frames.of(language);
        Cues cues = Cues.of(language);
        if (f.copulaLast()) {
            return roleBefore(lower, language, f, cues);
        }
        for (String clause : CLAUSE.split(lower)) {
            for (String copula : f.copula()) {
                int at = cues.find(clause, copula);
                if (at < 0) {
                    continue;
                }
                String rest = clause.substring(at + copula.length()).strip();
                String[] next = SPACES.split(rest);
                boolean less = Stream.of(next).limit(MERELY_WITHIN).anyMatch(w -> f.merely().contains(NOT_LETTER.matcher(w).replaceAll("")));
                // The role's own words, units kept: "nurse" is a unit of people elsewhere, here it is who the person is.
                List<String> frame = Stream.of(f.merely(), f.copula()).flatMap(List::stream).toList();
                List<String> words = Analysis.terms(String.join(" ", Stream.of(next).filter(w -> !frame.contains(w)).toList()), language)
                        .stream().filter(t -> t.length() >= ROLE_WORD && !Words.isStopword(t)).toList();
                return words.isEmpty() ? Optional.empty() : Optional.of(new Role(clause.strip(), words, less));
            }
        }
        return Optional.empty();
    }
}
