package dev.chassis.talk.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Stemmed content terms of a text in its language, with Lucene's analyzers (stopwords removed,
 * words reduced to stems, so "onboard", "onboarding" and "onboarded" meet). Japanese uses
 * character bigrams. Analyzers are shared and thread-safe.
 */
public final class Analysis {

    private static final Map<String, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private Analysis() {
    }

    /** The analyzer for an ISO 639-1 language; a standard analyzer for any other. */
    public static Analyzer analyzer(String language) {
        return ANALYZERS.computeIfAbsent(language, l -> switch (l) {
            case "en" -> new EnglishAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "ja" -> new CJKAnalyzer();
            case "hi" -> new HindiAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            default -> new StandardAnalyzer();
        });
    }

    /** The terms of {@code text}, in order, duplicates kept. */
    public static List<String> terms(String text, String language) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer(language).tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 1 && !allDigits(term)) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The distinct terms of {@code text}. */
    public static Set<String> termSet(String text, String language) {
        return new LinkedHashSet<>(terms(text, language));
    }
}
