package dev.chassis.testkit.participant.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which language a sentence is in, from its script and, where a script serves several languages,
 * from its frequent words and distinctive letters. Deliberately simple and independent of the talk
 * harness's detector: a sentence too short to tell is left undecided rather than guessed.
 * Stateless and thread-safe.
 */
public final class LanguageDetector {

    /** Evidence needed before a sentence's language is taken as known. */
    static final double SURE = 1.5;

    /**
     * A guess for one sentence.
     *
     * @param sure whether the evidence is strong enough to count (a short or ambiguous sentence is not)
     */
    public record Guess(String language, double score, boolean sure) { }

    /** The languages of a text's sentences, quoted words set aside. */
    public record TextLanguages(List<String> sentences, List<Optional<Guess>> guesses) {

        public TextLanguages {
            sentences = List.copyOf(sentences);
            guesses = List.copyOf(guesses);
        }

        /** The languages some sentence is surely in, in order of first appearance. */
        public Set<String> sure() {
            Set<String> out = new LinkedHashSet<>();
            guesses.forEach(g -> g.filter(Guess::sure).ifPresent(x -> out.add(x.language())));
            return out;
        }

        /** Whether sentences are surely in two or more languages. */
        public boolean mixed() {
            return sure().size() > 1;
        }

        /** Whether every sentence that is surely in some language is in {@code language}. */
        public boolean onlyIn(String language) {
            return sure().stream().allMatch(language::equals);
        }
    }

    private LanguageDetector() {
    }

    /** The language of each sentence of {@code text}, quotes set aside. */
    public static TextLanguages of(String text) {
        List<String> sentences = Sentences.split(Sentences.withoutQuotes(text));
        List<Optional<Guess>> guesses = new ArrayList<>();
        sentences.forEach(s -> guesses.add(sentence(s)));
        return new TextLanguages(sentences, guesses);
    }

    /** The language of the whole of {@code text}, quotes set aside, or empty when unknown. */
    public static Optional<Guess> whole(String text) {
        return sentence(Sentences.withoutQuotes(text));
    }

    /** The language of one sentence, or empty when it has no letters or no evidence. */
    public static Optional<Guess> sentence(String sentence) {
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        boolean kana = false;
        for (int i = 0; i < sentence.length(); ) {
            int c = sentence.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                Character.UnicodeScript s = Character.UnicodeScript.of(c);
                scripts.merge(s, 1, Integer::sum);
                kana |= s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
            }
        }
        if (scripts.isEmpty()) {
            return Optional.empty();
        }
        Character.UnicodeScript dominant = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (kana && (dominant == Character.UnicodeScript.HAN || dominant == Character.UnicodeScript.HIRAGANA
                || dominant == Character.UnicodeScript.KATAKANA)) {
            dominant = Character.UnicodeScript.HIRAGANA;
        }
        int letters = scripts.getOrDefault(dominant, 0) + (kana ? scripts.getOrDefault(Character.UnicodeScript.HAN, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0) : 0);
        List<LanguageData> candidates = new ArrayList<>();
        for (LanguageData l : Languages.all()) {
            if (l.scripts().contains(dominant)) {
                candidates.add(l);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            return Optional.of(new Guess(candidates.getFirst().code(), letters, letters >= 2));
        }
        return byWords(sentence, candidates);
    }

    private static Optional<Guess> byWords(String sentence, List<LanguageData> candidates) {
        String lower = Phrases.lower(sentence);
        List<String> tokens = Tokens.words(lower);
        double[] score = new double[candidates.size()];
        for (String t : tokens) {
            int k = 0;
            for (LanguageData l : candidates) {
                k += l.frequent().contains(t) ? 1 : 0;
            }
            for (int i = 0; k > 0 && i < candidates.size(); i++) {
                if (candidates.get(i).frequent().contains(t)) {
                    score[i] += 1.0 / k;
                }
            }
            if (k == 0 && t.length() >= 5) {
                ending(t, candidates, score);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            double hints = 0;
            for (char c : candidates.get(i).letters().toCharArray()) {
                int holders = 0;
                for (LanguageData l : candidates) {
                    holders += l.letters().indexOf(c) >= 0 ? 1 : 0;
                }
                hints += count(lower, c) * 1.0 / holders;
            }
            score[i] += Math.min(2, hints);
        }
        int best = 0;
        int second = -1;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[best]) {
                second = best;
                best = i;
            } else if (second < 0 || score[i] > score[second]) {
                second = i;
            }
        }
        if (score[best] <= 0) {
            return Optional.empty();
        }
        double runnerUp = second < 0 ? 0 : score[second];
        boolean sure = score[best] >= SURE && score[best] >= 2 * runnerUp;
        return Optional.of(new Guess(candidates.get(best).code(), score[best], sure));
    }

    /** A word none of them lists still tells by its ending: half a word's weight, shared among those with it. */
    private static void ending(String word, List<LanguageData> candidates, double[] score) {
        int holders = 0;
        for (LanguageData l : candidates) {
            holders += endsLike(word, l) ? 1 : 0;
        }
        for (int i = 0; holders > 0 && i < candidates.size(); i++) {
            if (endsLike(word, candidates.get(i))) {
                score[i] += 0.5 / holders;
            }
        }
    }

    private static boolean endsLike(String word, LanguageData l) {
        for (String e : l.endings()) {
            if (word.endsWith(e) && word.length() > e.length() + 1) {
                return true;
            }
        }
        return false;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
