package dev.chassis.talk.language;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianLightStemFilter;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * Lucene's analysis for each supported language: the full analyzer (tokens, stopwords removed, stems;
 * morphological segmentation for Japanese (kuromoji), Korean (nori) and Chinese (smartcn), dictionary
 * stems for Polish (stempel) and Ukrainian (morfologik), dictionary word breaks for Thai), its stopwords,
 * and its stemmer alone for text already split into words. Hebrew and Vietnamese have no analyzer in
 * Lucene: they are tokenised by Unicode word rules without stems. Analyzers are built once and
 * thread-safe.
 */
public final class Analyzers {

    private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private Analyzers() {
    }

    /** The analyzer for {@code code}; a Unicode word tokenizer for a language without one. */
    public static Analyzer of(String code) {
        return ANALYZERS.computeIfAbsent(code == null ? "" : code, Analyzers::create);
    }

    private static Analyzer create(String code) {
        return switch (code) {
            case "en" -> new EnglishAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "sv" -> new SwedishAnalyzer();
            case "da" -> new DanishAnalyzer();
            case "nb" -> new NorwegianAnalyzer();
            case "fi" -> new FinnishAnalyzer();
            case "pl" -> new PolishAnalyzer();
            case "cs" -> new CzechAnalyzer();
            case "ro" -> new RomanianAnalyzer();
            case "hu" -> new HungarianAnalyzer();
            case "el" -> new GreekAnalyzer();
            case "tr" -> new TurkishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "uk" -> new UkrainianMorfologikAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            case "hi" -> new HindiAnalyzer();
            case "ja" -> new JapaneseAnalyzer();
            case "ko" -> new KoreanAnalyzer();
            case "zh" -> new SmartChineseAnalyzer();
            case "id" -> new IndonesianAnalyzer();
            case "th" -> new ThaiAnalyzer();
            default -> new StandardAnalyzer(); // he, vi and anything else
        };
    }

    /** The language's stopwords (Lucene's list); empty where Lucene has none. */
    public static CharArraySet stopwords(String code) {
        return switch (code == null ? "" : code) {
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            case "es" -> SpanishAnalyzer.getDefaultStopSet();
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "de" -> GermanAnalyzer.getDefaultStopSet();
            case "it" -> ItalianAnalyzer.getDefaultStopSet();
            case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
            case "nl" -> DutchAnalyzer.getDefaultStopSet();
            case "sv" -> SwedishAnalyzer.getDefaultStopSet();
            case "da" -> DanishAnalyzer.getDefaultStopSet();
            case "nb" -> NorwegianAnalyzer.getDefaultStopSet();
            case "fi" -> FinnishAnalyzer.getDefaultStopSet();
            case "pl" -> PolishAnalyzer.getDefaultStopSet();
            case "cs" -> CzechAnalyzer.getDefaultStopSet();
            case "ro" -> RomanianAnalyzer.getDefaultStopSet();
            case "hu" -> HungarianAnalyzer.getDefaultStopSet();
            case "el" -> GreekAnalyzer.getDefaultStopSet();
            case "tr" -> TurkishAnalyzer.getDefaultStopSet();
            case "ru" -> RussianAnalyzer.getDefaultStopSet();
            case "uk" -> UkrainianMorfologikAnalyzer.getDefaultStopwords();
            case "ar" -> ArabicAnalyzer.getDefaultStopSet();
            case "hi" -> HindiAnalyzer.getDefaultStopSet();
            case "ja" -> JapaneseAnalyzer.getDefaultStopSet();
            case "zh" -> SmartChineseAnalyzer.getDefaultStopSet();
            case "id" -> IndonesianAnalyzer.getDefaultStopSet();
            case "th" -> ThaiAnalyzer.getDefaultStopSet();
            default -> CharArraySet.EMPTY_SET;
        };
    }

    /**
     * {@code words} (one lower-case word per token) reduced to stems, one out for each in: the light
     * stemmers where Lucene has one, Snowball's otherwise; unchanged for the unspaced languages, Korean,
     * Ukrainian, Hebrew and Vietnamese (their analyzers segment and stem together, or there is no stemmer).
     */
    public static TokenStream stem(String code, TokenStream words) {
        return switch (code == null ? "" : code) {
            case "en" -> new PorterStemFilter(words);
            case "de" -> new GermanLightStemFilter(new GermanNormalizationFilter(words));
            case "fr" -> new FrenchLightStemFilter(words);
            case "es" -> new SpanishLightStemFilter(words);
            case "pt" -> new PortugueseLightStemFilter(words);
            case "it" -> new ItalianLightStemFilter(words);
            case "nl" -> new SnowballFilter(words, new DutchStemmer());
            case "sv" -> new SwedishLightStemFilter(words);
            case "da" -> new SnowballFilter(words, new DanishStemmer());
            case "nb" -> new NorwegianLightStemFilter(words);
            case "fi" -> new FinnishLightStemFilter(words);
            case "pl" -> new StempelFilter(words, new StempelStemmer(PolishAnalyzer.getDefaultTable()));
            case "cs" -> new CzechStemFilter(words);
            case "ro" -> new SnowballFilter(words, new RomanianStemmer());
            case "hu" -> new HungarianLightStemFilter(words);
            case "el" -> new GreekStemFilter(new GreekLowerCaseFilter(words));
            case "tr" -> new SnowballFilter(words, new TurkishStemmer());
            case "ru" -> new RussianLightStemFilter(words);
            case "ar" -> new ArabicStemFilter(new ArabicNormalizationFilter(words));
            case "hi" -> new HindiStemFilter(new HindiNormalizationFilter(words));
            case "id" -> new IndonesianStemFilter(words);
            default -> words;
        };
    }
}
