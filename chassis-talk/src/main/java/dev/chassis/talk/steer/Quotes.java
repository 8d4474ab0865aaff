package dev.chassis.talk.steer;

import dev.chassis.core.text.KeyTerms;
import dev.chassis.talk.text.Cues;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the person's own words to build on: a short verbatim span around their most telling term, cut
 * where a phrase is: the clause that holds it when short enough, else a span that starts at the clause
 * or after a function word and ends before one, never on one ("importing our old" is not a phrase) and never before a
 * determiner ("first thing I tried was moving | our checklist" is not one either).
 */
public final class Quotes {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]+[.!?。！？]?");

    /** The first sentence of {@code text} with at least three words or six characters (a bare "Yes." says nothing), else all of it. */
    private static String opening(String text) {
        Matcher s = SENTENCE.matcher(text);
        while (s.find()) {
            String sentence = s.group().strip();
            if (sentence.split("\\s+").length >= 3 || !sentence.contains(" ") && sentence.length() >= 6) {
                return sentence;
            }
        }
        return text;
    }

    private Quotes() {
    }

    /** {@link #salient(String, int, String)} for English. */
    public static String salient(String text, int maxWords) {
        String span = salient(text, maxWords, "en");
        if (!span.isEmpty()) {
            return span;
        }
        String[] words = text.strip().split("\\s+");
        return String.join(" ", Arrays.copyOfRange(words, 0, Math.min(words.length, maxWords))).replaceAll("[.!?,;:]+$", "");
    }

    /**
     * A verbatim span of {@code text} (at most {@code maxWords} words, or a little more to end a phrase)
     * around its most telling term, cut at phrase boundaries of {@code language}; empty when no such span exists.
     */
    public static String salient(String text, int maxWords, String language) {
        return salient(text, maxWords, language, Set.of());
    }

    /**
     * As {@link #salient(String, int, String)}, from the sentence that says most about {@code topic} (stemmed
     * terms of what the conversation is on) when one does: an aside about the dog is not what to dig into.
     */
    public static String salient(String text, int maxWords, String language, Set<String> topic) {
        String t = text.strip();
        if (!topic.isEmpty()) {
            String best = null;
            int most = 0;
            Matcher s = SENTENCE.matcher(t);
            while (s.find()) {
                Set<String> said = new java.util.HashSet<>(dev.chassis.talk.text.Analysis.termSet(s.group(), language));
                said.retainAll(topic);
                if (said.size() > most) {
                    most = said.size();
                    best = s.group().strip();
                }
            }
            // No sentence speaks of it: the answer comes first, and what follows it is more often an aside ("All morning at
            // the desk. Anyway, I was telling someone about my dog's agility class"); digging into the aside leaves the
            // objective as thin as it was.
            t = best != null ? best : opening(t);
        }
        Cues cues = Cues.of(language);
        String term = term(t, language);
        Matcher m = SENTENCE.matcher(t);
        String fallback = "";
        String pair = "";
        if (cues.unspaced()) {
            // No spaces to cut at: a short clause, whole, between the script's own commas and stops.
            String[] clauses = t.split("[、，。！？!?,\\n]");
            for (String clause : clauses) {
                String c = clause.strip();
                if (c.length() >= 4 && c.length() <= maxWords * 4) {
                    return c;
                }
            }
            // None short enough: the start of the first long one, cut before a word that opens or ends a phrase.
            for (String clause : clauses) {
                String cut = cut(clause.strip(), maxWords * 4, language);
                if (!cut.isEmpty()) {
                    return cut;
                }
            }
            return "";
        }
        while (m.find()) {
            String sentence = m.group().strip();
            boolean holds = !term.isEmpty() && sentence.toLowerCase(Locale.ROOT).contains(term);
            for (String clause : sentence.split("[,;:—–()\"«»“”„、]\\s*")) {
                String c = clause.strip().replaceAll("[.!?。！？]+$", "");
                String[] words = c.isEmpty() ? new String[0] : c.split("\\s+");
                if (words.length < 2) {
                    continue;
                }
                if (words.length == 2) {
                    // Two words ("En septembre", "Und Leute") name no phrase of theirs to build on: heard back alone they ask
                    // about a date or a conjunction, and the person's point is elsewhere. Only when nothing longer is said.
                    pair = pair.isEmpty() ? c : pair;
                    continue;
                }
                String span = words.length <= maxWords + 2 ? c
                        : phrase(words, holds ? term : "", maxWords, boundaries(language), Prepositions.post(language),
                        Determiners.of(language));
                if (span.isEmpty()) {
                    continue;
                }
                if (holds && span.toLowerCase(Locale.ROOT).contains(term)) {
                    return span;
                }
                if (fallback.isEmpty()) {
                    fallback = span;
                }
            }
        }
        return fallback.isEmpty() ? pair : fallback;
    }

    /**
     * The most telling term of {@code text} that is no function word of {@code language}: the frequency count of
     * {@link KeyTerms} knows only English function words, so a French "par" said twice ("Par courriel…, et par téléphone")
     * outranked every noun; lower case, empty when there is none.
     */
    private static String term(String text, String language) {
        Set<String> function = boundaries(language);
        for (String t : KeyTerms.of(text, 8)) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!function.contains(lower)) {
                return lower;
            }
        }
        return "";
    }

    /**
     * The longest start of {@code clause} of 4 to {@code max} characters that ends right before a preposition of the
     * language or right after a postposition; empty when there is none.
     */
    private static String cut(String clause, int max, String language) {
        int best = -1;
        for (String w : Prepositions.of(language)) {
            for (int at = clause.indexOf(w, 4); at >= 4 && at <= max; at = clause.indexOf(w, at + 1)) {
                best = Math.max(best, at);
            }
        }
        for (String w : Prepositions.post(language)) {
            for (int at = clause.indexOf(w, 1); at >= 1 && at + w.length() <= max && at + w.length() < clause.length(); at = clause.indexOf(w, at + 1)) {
                best = Math.max(best, at + w.length());
            }
        }
        return best < 4 ? "" : clause.substring(0, best).strip();
    }

    /**
     * The best span of {@code words} of 3 to {@code maxWords + 2} words that holds {@code term} (when given),
     * starts at the clause's start or after a function word (or a postposition), and ends at the clause's end, before a
     * function word that is no determiner, not on one, or on a postposition, never before one. Empty when there is none.
     */
    private static String phrase(String[] words, String term, int maxWords, Set<String> function, Set<String> post, Set<String> determiners) {
        String best = "";
        int bestScore = Integer.MIN_VALUE;
        // Each word bared once, not once per span that starts, ends or stops at it (steering runs on the turn's path).
        String[] bare = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            bare[i] = bare(words[i]);
        }
        for (int from = 0; from < words.length; from++) {
            String before = from > 0 ? bare[from - 1] : "";
            if (from > 0 && !function.contains(before) && !post.contains(before) || function.contains(bare[from])
                    || post.contains(bare[from])) {
                continue;
            }
            for (int to = from + 3; to <= Math.min(words.length, from + maxWords + 2); to++) {
                // A postposition closes its phrase: a span may end on one, never right before one.
                String last = bare[to - 1];
                // A determiner opens the phrase the word before it needs: "moving | our checklist" is the middle of one.
                boolean endsPhrase = to == words.length || post.contains(last)
                        || function.contains(bare[to]) && !post.contains(bare[to]) && !determiners.contains(bare[to]);
                if (!endsPhrase || function.contains(last) && !post.contains(last)) {
                    continue;
                }
                String span = String.join(" ", Arrays.copyOfRange(words, from, to));
                boolean hasTerm = term.isEmpty() || span.toLowerCase(Locale.ROOT).contains(term);
                // The clause's own end is the surest boundary (no list of function words is ever complete: "pendant").
                int score = (hasTerm ? 100 : 0) + (to == words.length ? CLAUSE_END : 0) - Math.abs(to - from - maxWords);
                if (score > bestScore) {
                    best = span;
                    bestScore = score;
                }
            }
        }
        return best.replaceAll("[.!?,;:]+$", "");
    }

    /**
     * Words a phrase does not start or end on, so a quote is cut before or after them: the language's function words,
     * Lucene's stopwords for it, for English Snowball's fuller list (Lucene's own English list has no "over", "after",
     * "through" or "under"), and the prepositions all of these lack ({@code prepositions.txt}). Read once per language.
     */
    static Set<String> boundaries(String language) {
        return BOUNDARIES.computeIfAbsent(language, l -> {
            Set<String> out = new java.util.HashSet<>(Cues.of(l).function());
            for (Object w : dev.chassis.talk.language.Analyzers.stopwords(l)) {
                out.add(new String((char[]) w));
            }
            if (l.equals("en")) {
                out.addAll(snowball("english_stop.txt"));
            }
            out.addAll(Prepositions.of(l));
            return Set.copyOf(out);
        });
    }

    private static Set<String> snowball(String file) {
        var in = org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("Lucene's " + file + " is missing from the classpath");
        }
        try (var reader = org.apache.lucene.util.IOUtils.getDecodingReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            Set<String> out = new java.util.HashSet<>();
            for (Object w : org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(reader)) {
                out.add(new String((char[]) w));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Lucene's " + file + " could not be read", e);
        }
    }

    /** What ending where the clause ends is worth, in words of length away from the wanted one. */
    private static final int CLAUSE_END = 4;
    private static final java.util.Map<String, Set<String>> BOUNDARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}']+$");

    private static String bare(String word) {
        return EDGES.matcher(Cues.lower(word)).replaceAll("");
    }
}
