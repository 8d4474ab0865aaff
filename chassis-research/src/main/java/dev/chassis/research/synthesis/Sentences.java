package dev.chassis.research.synthesis;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a turn into sentences, each an exact, trimmed substring of the turn. Thread-safe. */
final class Sentences {

    private Sentences() {
    }

    static List<String> of(String text, Locale locale) {
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            // A paragraph break also ends a sentence, even without a full stop.
            for (String part : text.substring(start, end).split("\\n\\s*\\n")) {
                String s = part.strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
