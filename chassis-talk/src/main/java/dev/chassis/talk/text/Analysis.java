package dev.chassis.talk.text;

import dev.chassis.talk.language.Analyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Stemmed content terms of a text in its language, with Lucene's analyzers (stopwords removed,
 * words reduced to stems, so "onboard", "onboarding" and "onboarded" meet); Japanese, Korean, Chinese and Thai
 * segmented into words by their analyzers. Analyzers are shared and thread-safe.
 */
public final class Analysis {

    private Analysis() {
    }

    /** The analyzer for an ISO 639-1 language ({@link Analyzers}); a Unicode word tokenizer for any other. */
    public static Analyzer analyzer(String language) {
        return Analyzers.of(language);
    }

    /** A text's terms as analysed lately. */
    private record Analysed(String language, String text, List<String> terms) { }

    private static final int SLOTS = 1024;
    /**
     * The latest analyses, one per slot by the text's hash: a turn's answer is analysed on the turn's path by steering
     * and recall, then beside it by indexing and the monitors, the same words each time. Entries are immutable, so a
     * race costs at most an analysis done again.
     */
    private static final AtomicReferenceArray<Analysed> RECENT = new AtomicReferenceArray<>(SLOTS);

    /** The terms of {@code text}, in order, duplicates kept. */
    public static List<String> terms(String text, String language) {
        if (text == null || language == null) {
            return analyse(text, language);
        }
        int slot = (text.hashCode() * 31 + language.hashCode()) & (SLOTS - 1);
        Analysed recent = RECENT.get(slot);
        if (recent != null && recent.text().equals(text) && recent.language().equals(language)) {
            return new ArrayList<>(recent.terms());   // the caller's own list, as when analysed
        }
        List<String> out = analyse(text, language);
        RECENT.set(slot, new Analysed(language, text, List.copyOf(out)));
        return out;
    }

    private static List<String> analyse(String text, String language) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer(language).tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if ((term.length() > 1 || ideograph(term)) && !allDigits(term)) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // A Chinese or Japanese word can be one character (车, 钱, 家); a lone Latin letter is noise.
    private static boolean ideograph(CharSequence s) {
        return s.length() == 1 && Character.UnicodeScript.of(s.charAt(0)) == Character.UnicodeScript.HAN;
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
