package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a negation denies: the first content term after it in its clause ("I don't <b>like</b> the new
 * software"), or the last before it where the language puts its negation after ("使って<b>い</b>ません",
 * "kaufe mein <b>Ticket</b> nicht"). Two claims contradict by negation only when the other claim says that
 * very thing: "I don't like it" does not deny "I use it every day".
 */
final class NegationScope {

    private static final Pattern CLAUSE = Pattern.compile("[,;:.!?،、。！？؟।()\"“”«»]");
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}']+");
    /** An English "-n't": compiled once, it was compiled for every clause of every claim. */
    private static final Pattern CONTRACTED = Pattern.compile("\\b\\p{L}+n't\\b");

    private NegationScope() {
    }

    /**
     * Whether what {@code negative} denies is among what {@code other} is about (true when its scope cannot be told), outside
     * a clause that only sets the time of another: "ліків не було" is not met by "пишу у вайбер, коли ліки приїхали".
     */
    static boolean meets(Claim negative, Claim other) {
        String lower = Cues.lower(other.quote());
        String outside = withoutWhen(lower, language(other));
        // The other's own words, not its subject: a stem can be a stop word there ("use" is "us").
        return term(negative).map(t -> (outside.equals(lower) && other.subject().stream().anyMatch(o -> similar(t, o)))
                        || Analysis.terms(outside, language(other)).stream().anyMatch(o -> similar(t, o)))
                .orElse(true);
    }

    /**
     * The sentence without its clauses that set the time of another ({@link Frames#when}): from the word to the clause's end,
     * or in unspaced scripts (and Korean) from the clause's start to the word, which closes it there.
     */
    static String withoutWhen(String lower, String language) {
        Cues cues = Cues.of(language);
        String out = lower;
        for (String w : Frames.of(language).when()) {
            for (int at = cues.find(out, w), guard = 0; at >= 0 && guard < 4; at = cues.find(out, w), guard++) {
                if (cues.unspaced() || "ko".equals(language)) {
                    int start = lastBreak(out, at);
                    out = out.substring(0, start) + " " + out.substring(at + w.length());
                } else {
                    java.util.regex.Matcher end = CLAUSE.matcher(out);
                    int stop = end.find(at + w.length()) ? end.start() : out.length();
                    out = out.substring(0, at) + " " + out.substring(stop);
                }
            }
        }
        return out;
    }

    /** Where the clause holding position {@code at} begins: after the last clause mark before it, or 0. */
    private static int lastBreak(String s, int at) {
        java.util.regex.Matcher m = CLAUSE.matcher(s.substring(0, at));
        int start = 0;
        while (m.find()) {
            start = m.end();
        }
        return start;
    }

    /**
     * Whether two stems are one word in two forms the stemmer left apart ("perdid" and "perdi", "complain" and
     * "complained"): equal, or one a prefix of the other of at least four letters, or five letters alike from the start.
     */
    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= 5 || common >= 4 && common == Math.min(a.length(), b.length()) || oneVowelApart(a, b, common);
    }

    /**
     * Two long stems alike but for one vowel early on, and alike for two letters after it: a vowel the
     * stemmer kept ("опаздыва" / "опозда", one verb in two aspects).
     */
    private static boolean oneVowelApart(String a, String b, int common) {
        int n = Math.min(a.length(), b.length());
        if (common < 2 || n < 6 || common + 3 > n || !VOWEL.matcher(a.substring(common, common + 1)).matches()
                || !VOWEL.matcher(b.substring(common, common + 1)).matches()) {
            return false;
        }
        return a.regionMatches(common + 1, b, common + 1, 2);
    }

    private static final Pattern VOWEL = Pattern.compile("[aeiouyаеёиоуыэюяіїєαεηιουωáéíóúàèìòùâêîôûäöüå]", Pattern.CASE_INSENSITIVE);

    /** Distinct terms of {@code a} with a {@link #similar} term in {@code b}. */
    static int similarTerms(List<String> a, List<String> b) {
        return (int) a.stream().distinct().filter(x -> b.stream().anyMatch(y -> similar(x, y))).count();
    }

    /** The term a claim's negation (or its "never") applies to, when it can be told. */
    static Optional<String> term(Claim c) {
        String language = language(c);
        Cues cues = Cues.of(language);
        String lower = Cues.lower(c.quote());
        for (String clause : CLAUSE.split(lower)) {
            int[] at = negation(clause, cues);
            if (at == null) {
                continue;
            }
            // What follows the negation, without more of it ("n'ai jamais oublié": the term is "oublié", not "jamais").
            String after = clause.substring(at[1]);
            for (String n : cues.negation()) {
                after = after.replace(" " + n + " ", " ");
            }
            for (var f : cues.frequency()) {
                if (f.getValue() == 0) {
                    after = after.replace(f.getKey(), " ");
                }
            }
            String before = clause.substring(0, at[0]);
            // The first content word: "never had a customer complain" denies a customer complaining, not "had".
            List<String> next = cues.negationAfter() ? List.of()
                    : Analysis.terms(firstWords(withoutFunctionWords(after, cues), 4), language);
            if (!next.isEmpty()) {
                return Optional.of(next.getFirst());
            }
            List<String> previous = Analysis.terms(cues.unspaced() ? before : lastWords(before, 4), language);
            return previous.isEmpty() ? Optional.empty() : Optional.of(previous.getLast());
        }
        return Optional.empty();
    }

    /**
     * Whether the claim is about someone else: a word naming them among the first words of the clause that says
     * how often or what is not ("Mi hermana nunca...", but not "my accountant does it, I never touch it").
     */
    static boolean aboutOthers(Claim c) {
        return ClaimReading.of(c).aboutOthers();
    }

    /** {@link #aboutOthers} read off a sentence in {@code language}, once per claim (see {@link ClaimReading}). */
    static boolean readAboutOthers(String quote, String language) {
        Cues cues = Cues.of(language);
        return !cues.found(start(quote, cues), cues.others()).isEmpty();
    }

    /** The first words of the clause that says how often or what is not (or of the first clause), after a time said first. */
    private static String start(String quote, Cues cues) {
        String[] clauses = CLAUSE.split(Cues.lower(quote));
        String clause = clauses.length == 0 ? "" : clauses[0];
        int window = 3;
        for (String k : clauses) {
            if (negation(k, cues) != null || cues.frequency().stream().anyMatch(f -> cues.find(k, f.getKey()) >= 0)) {
                clause = k;
                window = 5;
                break;
            }
        }
        if (cues.unspaced()) {
            return clause.substring(0, Math.min(clause.length(), 6));
        }
        // Up to five words where it says how often or what is not, "last year my accountant nearly missed" (a time said
        // first does not hide who it is about), else three; but only up to
        // the person's own "I": "I've never had a customer complain" is the person's claim.
        List<String> words = List.of(WORD.split(clause.strip())).stream().filter(w -> !w.isEmpty()).limit(window).toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean whose = i + 1 < words.size() && cues.others().contains(words.get(i + 1));   // "my accountant"
            if (cues.firstPerson().contains(w) && !cues.others().contains(w) && !whose) {
                break;
            }
            out.append(w).append(' ');
        }
        return out.toString().strip();
    }

    /**
     * Whether {@code c} starts by naming someone else and every such word it names there is also in {@code other} ("one
     * customer complained" and "I've never had a customer complain").
     */
    static boolean othersNamedIn(Claim c, Claim other) {
        Cues cues = Cues.of(language(c));
        List<String> named = cues.found(start(c.quote(), cues), cues.others());
        String otherText = Cues.lower(other.quote());
        return !named.isEmpty() && named.stream().allMatch(w -> Cues.of(language(other)).find(otherText, w) >= 0);
    }

    /** Whether the claim tells of something that nearly happened ("almost missed", "faillir"): not that it did. */
    static boolean nearly(Claim c) {
        Cues cues = Cues.of(language(c));
        return !cues.found(Cues.lower(c.quote()), cues.nearly()).isEmpty();
    }

    /** The language of a claim: detected, else the Latin-script language whose function words it uses most. */
    static String language(Claim c) {
        return ClaimReading.of(c).language();
    }

    /** The Latin-script language whose function words {@code quote} uses most, or empty when it uses none. */
    static Optional<String> byFunctionWords(String quote) {
        String best = null;
        int most = 0;
        List<String> words = List.of(WORD.split(Cues.lower(quote)));
        for (String l : List.of("en", "de", "fr", "es", "pt")) {
            int n = (int) words.stream().filter(Cues.of(l).function()::contains).count();
            if (n > most) {
                best = l;
                most = n;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Where the first negation (or "never") of a clause starts and ends, or null. */
    private static int[] negation(String clause, Cues cues) {
        int[] best = null;
        for (String n : cues.negation()) {
            int i = cues.find(clause, n);
            if (i >= 0 && (best == null || i < best[0])) {
                best = new int[] {i, i + n.length()};
            }
        }
        for (var f : cues.frequency()) {
            if (f.getValue() == 0) {
                int i = cues.find(clause, f.getKey());
                if (i >= 0 && (best == null || i < best[0])) {
                    best = new int[] {i, i + f.getKey().length()};
                }
            }
        }
        if (!cues.unspaced()) {
            java.util.regex.Matcher m = CONTRACTED.matcher(clause);
            if (m.find() && (best == null || m.start() < best[0])) {
                best = new int[] {m.start(), m.end()};
            }
        }
        return best;
    }

    private static String withoutFunctionWords(String s, Cues cues) {
        StringBuilder out = new StringBuilder();
        for (String w : WORD.split(s.strip())) {
            if (!w.isEmpty() && !cues.function().contains(w)) {
                out.append(w).append(' ');
            }
        }
        return out.toString();
    }

    private static String firstWords(String s, int n) {
        List<String> words = List.of(WORD.split(s.strip())).stream().filter(w -> !w.isEmpty()).limit(n).toList();
        return String.join(" ", words);
    }

    private static String lastWords(String s, int n) {
        List<String> words = List.of(WORD.split(s.strip())).stream().filter(w -> !w.isEmpty()).toList();
        return String.join(" ", words.subList(Math.max(0, words.size() - n), words.size()));
    }
}
