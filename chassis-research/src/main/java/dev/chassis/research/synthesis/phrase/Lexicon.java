package dev.chassis.research.synthesis.phrase;

import dev.chassis.core.text.Words;
import dev.chassis.talk.language.Analyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the phrase rules need to know about one language: its function words (Lucene's stopword list
 * for the language plus the project's own), words that never name a theme (filler, vague nouns, light
 * verbs), and its stemmer. Immutable and thread-safe (Lucene analyzers are).
 */
final class Lexicon {

    // Spoken filler and vague words that never name what a statement is about, by language. The
    // stopword lists cover function words; these are the content-looking words interviews are full of.
    private static final Set<String> VAGUE = Set.copyOf(List.of(
            // en
            "thing", "things", "stuff", "lot", "lots", "kind", "sort", "bit", "way", "ways", "something", "anything",
            "everything", "nothing", "someone", "anyone", "everyone", "one", "ones", "yes", "yeah", "no", "okay", "ok",
            "um", "uh", "hmm", "hmmm", "oh", "well", "sure", "thanks", "thank", "please", "really", "actually", "basically",
            "definitely", "probably", "maybe", "perhaps", "course", "question", "questions", "answer", "example",
            "part", "point", "fact", "case", "end", "sense", "other", "others", "same", "different",
            "many", "much", "more", "most", "few", "several", "own", "such", "certain", "specific", "particular", "whole",
            "good", "great", "nice", "fine", "happy", "glad", "able", "last", "next", "main",
            "big", "little", "real", "right", "wrong", "new", "old", "day", "days", "year", "years", "today",
            // de
            "ja", "nein", "genau", "also", "halt", "eigentlich", "sache", "sachen", "ding", "dinge", "mal", "gut", "frage",
            "fragen", "danke", "zeit", "beispiel", "bisschen", "viel", "viele", "andere", "anderen",
            // fr
            "oui", "non", "merci", "bon", "bien", "chose", "choses", "truc", "fois", "exemple", "question", "temps",
            // es / pt
            "sí", "si", "gracias", "bueno", "cosa", "cosas", "vez", "veces", "ejemplo", "pregunta", "tiempo",
            "sim", "obrigado", "obrigada", "coisa", "coisas", "exemplo", "pergunta", "tempo"));

    // English verbs that carry no theme on their own ("I think", "we have", "it gets"), as stems.
    private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "get", "go", "sai", "tell", "know", "think",
            "mean", "want", "let", "seem", "guess", "suppos", "feel", "wish", "like", "come", "put", "keep", "happen");

    // English irregular verb forms, to their base before stemming, so that "wrote" meets "write". A stemmer
    // works on endings; these change the stem.
    private static final java.util.Map<String, String> IRREGULAR = irregular("""
            am be, is be, are be, was be, were be, been be, has have, had have, did do, done do, does do, got get, gotten get,
            went go, gone go, made make, found find, took take, taken take, wrote write, written write, gave give, given give,
            thought think, said say, told tell, knew know, known know, saw see, seen see, came come, felt feel, kept keep,
            left leave, began begin, begun begin, brought bring, bought buy, built build, ran run, spent spend, taught teach,
            understood understand, chose choose, chosen choose, meant mean, led lead, lost lose, paid pay, sent send, sold sell,
            stood stand, held hold, fell fall, fallen fall, grew grow, grown grow, drew draw, drawn draw, broke break,
            broken break, spoke speak, spoken speak, forgot forget, forgotten forget, hid hide, hidden hide, drove drive,
            driven drive, ate eat, eaten eat, became become, heard hear, met meet, sought seek, caught catch, fought fight,
            slept sleep, won win, shook shake, struck strike, wore wear, rode ride, rose rise, sang sing, swam swim,
            children child, people person, men man, women woman, data data, analyses analysis""");

    private static java.util.Map<String, String> irregular(String pairs) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String pair : pairs.split(",")) {
            String[] p = pair.strip().split(" ");
            m.put(p[0], p[1]);
        }
        return java.util.Map.copyOf(m);
    }

    private final String language;
    private final CharArraySet stopwords;
    private final Analyzer stemmer;
    private final Set<String> support;

    private Lexicon(String language, CharArraySet stopwords, Analyzer stemmer) {
        this.language = language;
        this.stopwords = stopwords;
        this.stemmer = stemmer;
        List<String> listed = SupportVerbs.of(language);
        // English is tagged and lemmatised, so its list is compared as stems; the others by written form.
        this.support = Set.copyOf(language.equals("en") ? lemmas(listed) : listed);
    }

    static Lexicon of(String language) {
        CharArraySet stop = switch (language) {
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "de" -> GermanAnalyzer.getDefaultStopSet();
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "es" -> SpanishAnalyzer.getDefaultStopSet();
            case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
            case "hi" -> HindiAnalyzer.getDefaultStopSet();
            case "ar" -> ArabicAnalyzer.getDefaultStopSet();
            case "ja" -> CJKAnalyzer.getDefaultStopSet();
            default -> Analyzers.stopwords(language);
        };
        return new Lexicon(language, stop, stemmer(language));
    }

    String language() {
        return language;
    }

    /** A function word: nothing a key phrase is made of. {@code word} is lower case. */
    boolean function(String word) {
        return stopwords.contains(word) || Words.isStopword(word);
    }

    /** A word that looks like content but never names a theme. {@code word} is lower case. */
    boolean vague(String word) {
        return VAGUE.contains(word) || word.length() < 2 || word.chars().allMatch(Character::isDigit);
    }

    /** An English verb that names no activity by itself; {@code lemma} as {@link #lemmas} gives it. */
    boolean light(String lemma) {
        return LIGHT_VERBS.contains(lemma);
    }

    /**
     * A verb that names no activity by itself ("make", "use", "spend"): it heads a verb phrase with its
     * object, but is not a content word alone. English: {@code word} is a lemma as {@link #lemmas} gives
     * it; other languages: the lower-case word as written.
     */
    boolean support(String word) {
        return support.contains(word);
    }

    /** The lower-case stems of {@code words}, one for each, in order. */
    List<String> lemmas(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        List<String> base = language.equals("en")
                ? words.stream().map(w -> IRREGULAR.getOrDefault(w.toLowerCase(Locale.ROOT), w)).toList() : words;
        try (TokenStream ts = stemmer.tokenStream("t", String.join(" ", base))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.size() != words.size()) {   // a filter dropped or split a token: fall back to lower case, in step
            return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }
        return out;
    }

    /** Whitespace-separated tokens in, one stem out for each: the tokens are ours, only the reduction is Lucene's. */
    private static Analyzer stemmer(String language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WhitespaceTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = switch (language) {
                    case "en" -> new PorterStemFilter(ts);
                    case "de" -> new GermanLightStemFilter(new GermanNormalizationFilter(ts));
                    case "fr" -> new FrenchLightStemFilter(ts);
                    case "es" -> new SpanishLightStemFilter(ts);
                    case "pt" -> new PortugueseLightStemFilter(ts);
                    case "hi" -> new HindiStemFilter(new HindiNormalizationFilter(ts));
                    case "ar" -> new ArabicStemFilter(new ArabicNormalizationFilter(ts));
                    default -> Analyzers.stem(language, ts);
                };
                return new TokenStreamComponents(source, ts);
            }
        };
    }
}
