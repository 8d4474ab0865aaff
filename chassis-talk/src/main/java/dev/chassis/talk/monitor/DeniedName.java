package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named thing the person says they use, then denies in a clause of its own: "We do all our scheduling in Outlook" and
 * "We don't use Outlook at all", "Gestiamo le prenotazioni con TheFork" and "TheFork non l'abbiamo mai usato",
 * "予約はすべてGoogleカレンダーで管理しています" and "Googleカレンダーは使っていません". The use must be for a whole job ("all",
 * "toda", "すべて", "only") and the denial short (the name, a verb and the language's small words): "we don't use Slack for
 * calls" denies one use of it, not the tool, and is left alone.
 * Names are words written with a capital inside a sentence ({@link Exclusive#names}) and, in scripts without capitals,
 * runs of Latin letters that begin with one, and runs of katakana ("エクセル"); in spaced scripts without capitals
 * (Devanagari, Arabic, Hebrew), the word a short denial names that the claim of use says too ("हम टैली इस्तेमाल नहीं करते"
 * against "हम सारा हिसाब टैली में रखते हैं").
 */
final class DeniedName {

    /** Clauses of a sentence: a denial is read in the one that holds the name. */
    private static final Pattern CLAUSE = Pattern.compile("[,;:–—、，。.!?]| - ");
    /** A name in Latin letters inside a sentence of another script ("Googleカレンダー", "UPI"). */
    private static final Pattern LATIN_NAME = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}\\d]+");
    /** A word in katakana ("エクセル", "レジ"), three characters at least: a loanword or a name, never a particle. */
    private static final Pattern KATAKANA = Pattern.compile("[\\p{IsKatakana}ー]{3,}");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern CONTRACTED = Pattern.compile("\\p{L}+n't\\b");
    private static final Pattern CONTRACTED_IN = Pattern.compile("(?s).*\\b\\p{L}+n't\\b.*");
    /** Content words a denial may hold besides the name: its verb ("use", "benutzen", "usato"). */
    private static final int DENIAL_WORDS = 1;
    /** Words shorter than this are no content word of a denial ("n" of "n'a", "l" of "l'abbiamo"). */
    private static final int SHORT = 3;

    private DeniedName() {
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        return one(earlier, later).or(() -> one(later, earlier));
    }

    private static Optional<String[]> one(Claim used, Claim denied) {
        if (used.negated() || used.frequency().filter("never"::equals).isPresent() || !Subjects.own(used) || !Subjects.own(denied)
                || !Subjects.plain(used) || !Subjects.plain(denied)) {
            return Optional.empty();
        }
        String language = NegationScope.language(denied);
        Cues cues = Cues.of(language);
        Set<String> names = names(used);
        if (names.isEmpty() && caseless(used)) {
            names = denied(denied, used, cues, language);
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        for (String clause : CLAUSE.split(Cues.lower(denied.quote()))) {
            List<String> said = names.stream().filter(n -> holds(clause, n, cues)).toList();
            if (!said.isEmpty() && denies(clause, cues) && (cues.unspaced() || narrow(clause, said, cues, language)) && whole(used)) {
                return Optional.of(new String[] {"tool", "said they use " + String.join(" ", said) + " at turn " + used.turn() + ", now deny it"});
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the claim gives the name a whole job ("all our scheduling", "toda la facturación", "予約はすべて", "only"): then a
     * denial of the name takes back the job. A name said in passing ("I typically use AI tools") and a clause about it
     * ("AI is not a threat") are two thoughts, not a use denied.
     */
    private static boolean whole(Claim c) {
        Cues cues = Cues.of(NegationScope.language(c));
        String lower = Cues.lower(c.quote());
        return ClaimReading.of(c).exclusive() || !cues.found(lower, cues.every()).isEmpty()
                || !cues.found(lower, Frames.of(NegationScope.language(c)).whole()).isEmpty();
    }

    /** The names the claim says: capitalised words inside it, and in scripts without capitals, Latin words beginning with one. */
    static Set<String> names(Claim c) {
        return ClaimReading.of(c).names();
    }

    /** {@link #names} read off a sentence whose capitalised words ({@link Exclusive#names}) are given, once per claim ({@link ClaimReading}). */
    static Set<String> namesIn(String quote, Set<String> capitalised) {
        Set<String> out = new LinkedHashSet<>(capitalised);
        boolean otherScript = quote.codePoints().anyMatch(ch -> Character.isLetter(ch) && Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN);
        if (otherScript) {
            Matcher m = LATIN_NAME.matcher(quote);
            while (m.find()) {
                if (Character.isUpperCase(m.group().codePointAt(0))) {
                    out.add(m.group().toLowerCase(Locale.ROOT));
                }
            }
            Matcher k = KATAKANA.matcher(quote);
            while (k.find()) {
                out.add(k.group());
            }
        }
        return out;
    }

    /** Whether the claim is written in a spaced script without capitals (Devanagari, Arabic, Hebrew): no name stands out. */
    private static boolean caseless(Claim c) {
        return c.quote().codePoints().filter(Character::isLetter).findFirst().stream().mapToObj(Character.UnicodeScript::of)
                .anyMatch(s -> s == Character.UnicodeScript.DEVANAGARI || s == Character.UnicodeScript.ARABIC || s == Character.UnicodeScript.HEBREW);
    }

    /** The content words of the denying clauses of {@code denied} that {@code used} says too: what may be the name denied. */
    private static Set<String> denied(Claim denied, Claim used, Cues cues, String language) {
        Set<String> out = new LinkedHashSet<>();
        List<String> usedWords = List.of(WORD.split(Cues.lower(used.quote())));
        for (String clause : CLAUSE.split(Cues.lower(denied.quote()))) {
            if (!denies(clause, cues)) {
                continue;
            }
            for (String w : WORD.split(clause)) {
                if (w.length() >= SHORT && !small(w, cues, Frames.of(language)) && usedWords.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static boolean holds(String clause, String name, Cues cues) {
        return cues.unspaced() ? clause.contains(name) : List.of(WORD.split(clause)).contains(name);
    }

    /** Whether the clause denies: a negation of the language, a "never", or an English "-n't". */
    private static boolean denies(String clause, Cues cues) {
        return !cues.found(clause, cues.negation()).isEmpty()
                || cues.frequency().stream().anyMatch(f -> f.getValue() == 0 && cues.find(clause, f.getKey()) >= 0)
                || !cues.unspaced() && CONTRACTED_IN.matcher(clause).matches();
    }

    /** Whether the clause says little beyond the name and its denial: at most one content word (its verb). */
    private static boolean narrow(String clause, List<String> names, Cues cues, String language) {
        Frames frames = Frames.of(language);
        int content = 0;
        for (String w : WORD.split(CONTRACTED.matcher(clause).replaceAll(" "))) {
            if (w.length() < SHORT || names.contains(w) || small(w, cues, frames)) {
                continue;
            }
            content++;
        }
        return content <= DENIAL_WORDS;
    }

    /** A word that says nothing of what a denial is of: the language's small words, its negation, the person, how much or often. */
    private static boolean small(String w, Cues cues, Frames frames) {
        return cues.function().contains(w) || cues.negation().contains(w) || cues.firstPerson().contains(w) || cues.only().contains(w)
                || cues.every().contains(w) || frames.whole().contains(w) || frames.self().contains(w) || frames.helpers().contains(w)
                || cues.frequency().stream().anyMatch(f -> f.getKey().equals(w));
    }
}
