package dev.chassis.research.synthesis.phrase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key phrases and content lemmas of a sentence in one language. Noun phrases are runs of
 * adjectives and nouns ending in a noun ("AI tools", "first draft"); verb phrases a verb that names an
 * activity with its object ("check the results", "rely on AI"), found only where a tagger knows verbs
 * (English). A phrase has two to four words (Japanese: one compound of kanji or katakana). Thread-safe;
 * one instance per language, shared.
 *
 * <pre>{@code
 * KeyPhrases.Analysed a = KeyPhrases.forLanguage("en").analyse("I always double-check the results it gives me.");
 * a.phrases();   // [Phrase[key=double-check result, surface=double-check the results, verbal=true]]
 * }</pre>
 */
public final class KeyPhrases {

    /** Longest phrase kept, in words; longer runs keep their last words (the head of a noun phrase is last). */
    static final int MAX_WORDS = 4;
    private static final Set<String> POSSESSIVES = Set.of("my", "your", "his", "her", "its", "our", "their");
    private static final Map<String, KeyPhrases> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Lexicon lexicon;
    private final Tagger tagger;

    private KeyPhrases(String language) {
        this.lexicon = Lexicon.of(language);
        this.tagger = Tagger.of(language);
    }

    /** For an ISO 639-1 code; a language without its own resources is read by the shared stopwords, unstemmed. */
    public static KeyPhrases forLanguage(String language) {
        return BY_LANGUAGE.computeIfAbsent(language.toLowerCase(Locale.ROOT), KeyPhrases::new);
    }

    /**
     * A sentence taken apart.
     *
     * @param tokens  every token, tagged and lemmatised
     * @param phrases its key phrases, each once, in order
     * @param words   its content words (nouns and verbs that name an activity; adjectives count only inside phrases)
     *                as one-word phrases, repeats kept
     */
    public record Analysed(List<Token> tokens, List<Phrase> phrases, List<Phrase> words) {

        /** The lemmas of its content words. */
        public List<String> lemmas() {
            return words.stream().map(Phrase::key).toList();
        }
    }

    public Analysed analyse(String sentence) {
        List<Tokens.Raw> raw = Tokens.split(sentence, lexicon.language());
        if (raw.isEmpty()) {
            return new Analysed(List.of(), List.of(), List.of());
        }
        List<Tag> tags = tagger.tag(raw, lexicon);
        List<String> lemmas = lexicon.lemmas(raw.stream().map(Tokens.Raw::text).toList());
        List<Token> tokens = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Tag t = tags.get(i) == Tag.VERB && lexicon.light(lemmas.get(i)) ? Tag.FUNCTION : tags.get(i);
            tokens.add(new Token(raw.get(i).text(), lemmas.get(i), t, raw.get(i).start(), raw.get(i).end()));
        }
        Map<String, Phrase> phrases = new LinkedHashMap<>();
        nounPhrases(sentence, tokens, phrases);
        verbPhrases(sentence, tokens, phrases);
        List<Phrase> content = tokens.stream()
                .filter(t -> t.tag() == Tag.NOUN || t.tag() == Tag.VERB || t.tag() == Tag.CONTENT)
                .filter(t -> !lexicon.vague(t.lemma()) && !(t.tag() == Tag.VERB && lexicon.support(t.lemma()))).map(t -> new Phrase(t.lemma(), t.text(), t.tag() == Tag.VERB)).toList();
        return new Analysed(List.copyOf(tokens), List.copyOf(phrases.values()), content);
    }

    /**
     * The lemmas of a text's words that are not function words, without tagging (quicker): what a question
     * put into the words of its answer.
     */
    public java.util.Set<String> words(String text) {
        List<Tokens.Raw> raw = Tokens.split(text, lexicon.language()).stream().filter(Tokens.Raw::word).toList();
        java.util.Set<String> out = new java.util.HashSet<>();
        List<String> lemmas = lexicon.lemmas(raw.stream().map(Tokens.Raw::text).toList());
        for (int i = 0; i < raw.size(); i++) {
            String lower = raw.get(i).text().toLowerCase(Locale.ROOT);
            if (!lexicon.function(lower)) {
                out.add(lemmas.get(i));
            }
        }
        return out;
    }

    private void nounPhrases(String sentence, List<Token> tokens, Map<String, Phrase> out) {
        int i = 0;
        while (i < tokens.size()) {
            if (!inNounPhrase(tokens.get(i).tag())) {
                i++;
                continue;
            }
            int j = i;
            while (j < tokens.size() && inNounPhrase(tokens.get(j).tag())) {
                j++;
            }
            int end = j;
            while (end > i && !tokens.get(end - 1).tag().nominal()) {
                end--;   // a noun phrase ends in its noun: "tools useful" is not one
            }
            int start = Math.max(i, end - MAX_WORDS);
            int min = lexicon.language().equals("ja") ? 1 : 2;
            if (end - start >= min && (min > 1 || tokens.get(start).text().length() >= 2)) {
                add(sentence, tokens, start, end, false, out);
            }
            i = j;
        }
    }

    private static boolean inNounPhrase(Tag t) {
        return t == Tag.NOUN || t == Tag.ADJ || t == Tag.CONTENT;
    }

    /** A verb, up to two particles, then determiners, possessives or adjectives, then a noun phrase: its object. */
    private void verbPhrases(String sentence, List<Token> tokens, Map<String, Phrase> out) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).tag() != Tag.VERB) {
                continue;
            }
            int k = i + 1;
            List<Integer> particles = new ArrayList<>();
            while (k < tokens.size() && tokens.get(k).tag() == Tag.PARTICLE && particles.size() < 2) {
                particles.add(k++);
            }
            while (k < tokens.size() && (tokens.get(k).tag() == Tag.DETERMINER || POSSESSIVES.contains(tokens.get(k).text().toLowerCase(Locale.ROOT)))) {
                k++;
            }
            int nounEnd = k;
            while (nounEnd < tokens.size() && inNounPhrase(tokens.get(nounEnd).tag())) {
                nounEnd++;
            }
            while (nounEnd > k && !tokens.get(nounEnd - 1).tag().nominal()) {
                nounEnd--;
            }
            if (nounEnd == k) {
                continue;
            }
            List<String> key = new ArrayList<>();
            key.add(tokens.get(i).lemma());
            particles.forEach(p -> key.add(tokens.get(p).lemma()));
            // The object's last two words name it ("the raw sensor data" -> "sensor data").
            for (int n = Math.max(k, nounEnd - 2); n < nounEnd; n++) {
                key.add(tokens.get(n).lemma());
            }
            if (key.size() <= MAX_WORDS) {
                String k2 = String.join(" ", key);
                out.putIfAbsent(k2, new Phrase(k2, sentence.substring(tokens.get(i).start(), tokens.get(nounEnd - 1).end()), true));
            }
        }
    }

    private static void add(String sentence, List<Token> tokens, int start, int end, boolean verbal, Map<String, Phrase> out) {
        StringBuilder key = new StringBuilder();
        for (int n = start; n < end; n++) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(tokens.get(n).lemma());
        }
        String k = key.toString();
        out.putIfAbsent(k, new Phrase(k, sentence.substring(tokens.get(start).start(), tokens.get(end - 1).end()), verbal));
    }
}
