package dev.chassis.talk.text;

import dev.chassis.talk.language.Script;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What {@link Detection} reads in a text before it looks at any candidate language: the letters by script, the letters only
 * Ukrainian or only Russian writes, the words, and the function words of each language of the main script. It depends on the
 * text alone, and the same answer is read several times a turn with different candidates (the language and emotion glances
 * on the turn's path, the language, emotion and contradiction monitors beside it, sentence by sentence), so the latest
 * readings are kept, one per slot by the text's hash. Immutable once built (its counts, read lazily, included).
 */
final class ScriptReading {

    private static final int SLOTS = 1024;
    /** Entries are immutable, so a race costs at most a reading done again. */
    private static final AtomicReferenceArray<ScriptReading> RECENT = new AtomicReferenceArray<>(SLOTS);
    private static final ScriptReading NONE = new ScriptReading("", "", 0, 0, 0, null, 0, 0, 1);

    private final String text;
    private final String stripped;
    private final int total;
    private final int kana;
    private final int han;
    private final Script main;
    private final int ukOnly;
    private final int ruOnly;
    private final int words;
    /** The main script's function-word counts ({@link FunctionWords#counts}), read on first need; never changed after. */
    private volatile int[] counts;

    private ScriptReading(String text, String stripped, int total, int kana, int han, Script main, int ukOnly, int ruOnly, int words) {
        this.text = text;
        this.stripped = stripped;
        this.total = total;
        this.kana = kana;
        this.han = han;
        this.main = main;
        this.ukOnly = ukOnly;
        this.ruOnly = ruOnly;
        this.words = words;
    }

    static ScriptReading of(String text) {
        if (text == null) {
            return NONE;
        }
        int slot = text.hashCode() & (SLOTS - 1);
        ScriptReading recent = RECENT.get(slot);
        if (recent != null && recent.text.equals(text)) {
            return recent;
        }
        ScriptReading read = read(text);
        RECENT.set(slot, read);
        return read;
    }

    private static ScriptReading read(String text) {
        String t = text.strip();
        Map<Script, Integer> letters = new EnumMap<>(Script.class);
        int total = 0;
        int ukOnly = 0;
        int ruOnly = 0;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            total++;
            Script s = Script.of(c);
            if (s != null) {
                letters.merge(s, 1, Integer::sum);
            }
            int lower = Character.toLowerCase(c);
            ukOnly += "іїєґ".indexOf(lower) >= 0 ? 1 : 0;
            ruOnly += "ыэъё".indexOf(lower) >= 0 ? 1 : 0;
        }
        Script main = null;
        for (var e : letters.entrySet()) {
            if (e.getValue() > total / 2) {
                main = e.getKey();
            }
        }
        return new ScriptReading(text, t, total, letters.getOrDefault(Script.JAPANESE, 0), letters.getOrDefault(Script.HAN, 0), main,
                ukOnly, ruOnly, Cues.spacedWords(t));
    }

    String stripped() {
        return stripped;
    }

    /** Letters of any script. */
    int total() {
        return total;
    }

    int kana() {
        return kana;
    }

    int han() {
        return han;
    }

    /** The script of more than half the letters, or null. */
    Script main() {
        return main;
    }

    int ukOnly() {
        return ukOnly;
    }

    int ruOnly() {
        return ruOnly;
    }

    /** Words as {@code split("\\s+")} counts them on the stripped text. */
    int words() {
        return words;
    }

    /** {@link FunctionWords#counts} of the main script's languages over the text's lower-cased words; the caller must not change it. */
    int[] counts() {
        int[] c = counts;
        if (c == null) {
            c = FunctionWords.of(main).counts(Runs.split(Cues.lower(stripped), cp -> Runs.letter(cp) || Runs.mark(cp) || cp == '\''));
            counts = c;
        }
        return c;
    }
}
