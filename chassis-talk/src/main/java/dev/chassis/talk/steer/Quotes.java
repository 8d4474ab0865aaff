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
 * or after a function word and ends before one, never on one ("importing our old" is not a phrase).
 */
public final class Quotes {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]+[.!?。！？]?");

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
            if (best != null) {
                t = best;
            }
        }
        Cues cues = Cues.of(language);
        var terms = KeyTerms.of(t, 1);
        String term = terms.isEmpty() ? "" : terms.getFirst().toLowerCase(Locale.ROOT);
        Matcher m = SENTENCE.matcher(t);
        String fallback = "";
        if (cues.unspaced()) {
            // No spaces to cut at: a short clause, whole, between the script's own commas and stops.
            for (String clause : t.split("[、，。！？!?,\\n]")) {
                String c = clause.strip();
                if (c.length() >= 4 && c.length() <= maxWords * 4) {
                    return c;
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
                String span = words.length <= maxWords + 2 ? c : phrase(words, holds ? term : "", maxWords, boundaries(language));
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
        return fallback;
    }

    /**
     * The best span of {@code words} of 3 to {@code maxWords + 2} words that holds {@code term} (when given),
     * starts at the clause's start or after a function word, and ends at the clause's end or before a
     * function word, not on one. Empty when there is none.
     */
    private static String phrase(String[] words, String term, int maxWords, Set<String> function) {
        String best = "";
        int bestScore = Integer.MIN_VALUE;
        for (int from = 0; from < words.length; from++) {
            if (from > 0 && !function.contains(bare(words[from - 1])) || function.contains(bare(words[from]))) {
                continue;
            }
            for (int to = from + 3; to <= Math.min(words.length, from + maxWords + 2); to++) {
                boolean endsPhrase = to == words.length || function.contains(bare(words[to]));
                if (!endsPhrase || function.contains(bare(words[to - 1]))) {
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
            out.addAll(PREPOSITIONS.getOrDefault(l, Set.of()));
            return Set.copyOf(out);
        });
    }

    private static final java.util.Map<String, Set<String>> PREPOSITIONS = prepositions();

    private static java.util.Map<String, Set<String>> prepositions() {
        java.util.Map<String, Set<String>> out = new java.util.HashMap<>();
        var in = Quotes.class.getResourceAsStream("/dev/chassis/talk/steer/prepositions.txt");
        if (in == null) {
            throw new IllegalStateException("missing resource dev/chassis/talk/steer/prepositions.txt");
        }
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int colon = line.indexOf(':');
                if (!line.startsWith("#") && colon > 0) {
                    out.put(line.substring(0, colon).strip(), Set.copyOf(java.util.List.of(line.substring(colon + 1).strip().split("\\s+"))));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("prepositions.txt could not be read", e);
        }
        return java.util.Map.copyOf(out);
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

    private static String bare(String word) {
        return Cues.lower(word).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}']+$", "");
    }
}
