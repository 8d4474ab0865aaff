package dev.chassis.talk.text;

import dev.chassis.talk.language.Languages;
import dev.chassis.talk.language.Script;
import dev.chassis.talk.language.SupportedLanguage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The function words of every language of one script, indexed by word: which of the script's languages count it.
 * Counting a text's function words per language then looks each word up once, not once per language (the Latin script
 * has over a dozen), on the turn's path twice (the language and emotion glances) and beside it for every sentence the
 * monitors read. Built once per script from {@link Cues}, which are fixed once loaded; immutable and thread-safe.
 */
final class FunctionWords {

    private static final Map<Script, FunctionWords> BY_SCRIPT = new ConcurrentHashMap<>();

    /** The script's languages, in {@link Languages#ALL}'s order: the order of {@link #counts}. */
    private final List<SupportedLanguage> ofScript;
    /** Per function word, the indices in {@code ofScript} of the languages that have it. */
    private final Map<String, int[]> languages;
    /** Per language of the script, whether it has no cues of its own yet (its count is -1). */
    private final boolean[] withoutCues;

    private FunctionWords(List<SupportedLanguage> ofScript, Map<String, int[]> languages, boolean[] withoutCues) {
        this.ofScript = ofScript;
        this.languages = languages;
        this.withoutCues = withoutCues;
    }

    /** The script's languages, in the order of {@link #counts}. */
    List<SupportedLanguage> ofScript() {
        return ofScript;
    }

    static FunctionWords of(Script script) {
        return BY_SCRIPT.computeIfAbsent(script, FunctionWords::build);
    }

    private static FunctionWords build(Script script) {
        List<SupportedLanguage> ofScript = Languages.ALL.stream().filter(l -> l.script() == script).toList();
        Map<String, List<Integer>> having = new HashMap<>();
        boolean[] without = new boolean[ofScript.size()];
        for (int i = 0; i < ofScript.size(); i++) {
            Cues c = Cues.of(ofScript.get(i).code());
            if (!c.language().equals(ofScript.get(i).code())) {
                without[i] = true;   // no cues for it yet: another language's would be counted as its own
                continue;
            }
            for (String w : c.function()) {
                having.computeIfAbsent(w, k -> new ArrayList<>(2)).add(i);
            }
        }
        Map<String, int[]> languages = new HashMap<>();
        having.forEach((w, l) -> languages.put(w, l.stream().mapToInt(Integer::intValue).toArray()));
        return new FunctionWords(ofScript, Map.copyOf(languages), without);
    }

    /**
     * How many of each language's function words {@code words} (lower-cased) holds, in {@link #ofScript}'s order, -1 for a
     * language without cues; the number of words last.
     */
    int[] counts(String[] words) {
        int[] counts = new int[ofScript.size() + 1];
        counts[ofScript.size()] = words.length;
        for (String w : words) {
            int[] in = languages.get(w);
            if (in != null) {
                for (int i : in) {
                    counts[i]++;
                }
            }
        }
        for (int i = 0; i < withoutCues.length; i++) {
            if (withoutCues[i]) {
                counts[i] = -1;
            }
        }
        return counts;
    }
}
