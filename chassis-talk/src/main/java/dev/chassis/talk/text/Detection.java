package dev.chassis.talk.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import dev.chassis.talk.language.Languages;
import dev.chassis.talk.language.Script;
import dev.chassis.talk.language.SupportedLanguage;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The language a text is written in, among candidate languages (a study's). The script settles most
 * languages at once (Korean, Japanese, Thai, Hebrew, Greek, Hindi, Arabic; Chinese where no kana is
 * written); Russian and Ukrainian by the letters only one of them has; Latin-script languages, and
 * Cyrillic without those letters, go to Lingua limited to the candidates of that script (low-accuracy
 * mode, models shared between detectors and loaded once), and then to the languages' function words, so
 * that a language outside the candidates is still noticed (a Spanish answer in an English-only study)
 * and a close neighbour needs clearly more of its own function words to win. Thread-safe.
 */
public final class Detection {

    /** Lingua needs this many words to decide between languages of one script. */
    public static final int MIN_WORDS = 4;
    private static final double MIN_CONFIDENCE = 0.6;
    /** Under this many words Lingua's pick needs one of its language's function words in the text. */
    private static final int SHORT_WORDS = 7;
    private static final Set<String> ALL = Set.copyOf(Languages.CODES);

    // One detector per set of Lingua languages; models live in Lingua's static maps, so a new set over
    // languages already loaded costs nothing to build.
    private static final Map<Set<Language>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();
    private static final Set<Language> LOADED = ConcurrentHashMap.newKeySet();
    private static final Set<Set<Language>> LOADING = ConcurrentHashMap.newKeySet();
    /**
     * Lingua's verdicts on texts read before, the latest {@value #REMEMBERED}: shared on purpose, since the same
     * sentences are read again and again (a contradiction's every earlier claim on every later turn): without it a
     * turn's CPU grew with the length of the session (about 1 s a turn by turn 100, most of it here).
     */
    private static final int REMEMBERED = 8192;
    private static final Map<String, String> VERDICTS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });
    private static final String UNSURE = "";

    private Detection() {
    }

    /** The language of {@code text} among every supported language, or null when unsure; waits for models. */
    public static String detect(String text) {
        return detect(text, ALL, true);
    }

    /**
     * The language of {@code text} among {@code candidates} (supported codes), or null when unsure or mixed.
     * With {@code wait} false (on a turn's path) a text that needs Lingua is left undecided while the models
     * of its candidates are still loading; loading then starts in the background.
     */
    public static String detect(String text, Collection<String> candidates, boolean wait) {
        return detect(text, candidates, wait, true);
    }

    /**
     * The script and function words only, never Lingua: microseconds, for a turn's path. Settles what the script
     * settles; within a shared script the language with at least three of its function words and more than twice as
     * many as any other's; null otherwise (the full {@link #detect} beside the turn may still tell).
     */
    public static String quick(String text, Collection<String> candidates) {
        return detect(text, candidates, false, false);
    }

    /**
     * The language the letters alone prove, between Russian and Ukrainian, which share most function words: Ukrainian
     * where one of і, ї, є, ґ is written and none of ы, э, ъ, ё; Russian the other way round; else null.
     */
    public static String byLetters(String text) {
        int ukOnly = 0;
        int ruOnly = 0;
        String t = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < t.length(); i++) {
            ukOnly += "іїєґ".indexOf(t.charAt(i)) >= 0 ? 1 : 0;
            ruOnly += "ыэъё".indexOf(t.charAt(i)) >= 0 ? 1 : 0;
        }
        return ukOnly > 0 && ruOnly == 0 ? "uk" : ruOnly > 0 && ukOnly == 0 ? "ru" : null;
    }

    private static String detect(String text, Collection<String> candidates, boolean wait, boolean lingua) {
        ScriptReading reading = ScriptReading.of(text); // the same text is read with other candidates too: once
        String t = reading.stripped();
        int total = reading.total();
        if (total == 0) {
            return null;
        }
        int kana = reading.kana();
        int han = reading.han();
        if (kana + han > total / 2) {
            if (kana > 0) {
                return "ja";
            }
            return candidates.contains("ja") && !candidates.contains("zh") ? "ja" : "zh";
        }
        Script main = reading.main();
        if (main == null) {
            return null;
        }
        int ukOnly = reading.ukOnly();
        int ruOnly = reading.ruOnly();
        switch (main) {
            case HANGUL: return "ko";
            case THAI: return "th";
            case HEBREW: return "he";
            case ARABIC: return "ar";
            case DEVANAGARI: return "hi";
            case GREEK: return "el";
            case CYRILLIC:
                if (ukOnly > 0 && ruOnly == 0) {
                    return "uk";
                }
                if (ruOnly > 0 && ukOnly == 0) {
                    return "ru";
                }
                break;
            default:
                break;
        }
        if (reading.words() < MIN_WORDS) {
            return null;
        }
        FunctionWords index = FunctionWords.of(main);
        List<SupportedLanguage> ofScript = index.ofScript();
        List<SupportedLanguage> among = ofScript.stream().filter(l -> candidates.contains(l.code())).toList();
        String pick = among.size() == 1 ? among.getFirst().code() : null;
        int[] counts = reading.counts();
        if (among.size() > 1) {
            String decided = decisive(ofScript, counts);
            if (decided != null) {
                return decided; // what the function words would make of any pick of Lingua's (see decisive): it need not run
            }
            Set<Language> set = EnumSet.noneOf(Language.class);
            among.forEach(l -> set.add(Language.valueOf(l.linguaName())));
            LanguageDetector d = lingua ? detector(set, wait) : null;
            if (d == null) {
                return byFunctionWords(ofScript, counts, null); // models still loading
            }
            String sample = sample(t);
            String key = set + "\u0000" + sample;
            String top = VERDICTS.get(key);
            if (top == null) {   // computed outside the map's lock: Lingua may use the common pool (see detector)
                SortedMap<Language, Double> confidence = d.computeLanguageConfidenceValues(sample);
                top = confidence.isEmpty() || confidence.get(confidence.firstKey()) < MIN_CONFIDENCE ? UNSURE : confidence.firstKey().name();
                VERDICTS.put(key, top);
            }
            if (top.equals(UNSURE)) {
                return byFunctionWords(ofScript, counts, null);
            }
            String best = top;
            pick = among.stream().filter(l -> l.linguaName().equals(best)).findFirst().map(SupportedLanguage::code).orElse(null);
        }
        return byFunctionWords(ofScript, counts, pick);
    }

    /**
     * The language whose function words decide whatever Lingua picks, or null: one with at least three and more than twice
     * as many as any other language of the script, every one of which has cues. {@link #byFunctionWords} then returns it
     * for a pick of its own, of another (which has at most half as many) and of none; so Lingua's n-gram look-ups, most of
     * the CPU of reading a sentence, are skipped with the verdict unchanged.
     */
    private static String decisive(List<SupportedLanguage> ofScript, int[] counts) {
        int best = -1;
        int second = 0;
        for (int i = 0; i < ofScript.size(); i++) {
            if (counts[i] < 0) {
                return null;
            }
            if (best < 0 || counts[i] > counts[best]) {
                second = best < 0 ? second : Math.max(second, counts[best]);
                best = i;
            } else {
                second = Math.max(second, counts[i]);
            }
        }
        return best >= 0 && counts[best] >= 3 && counts[best] > 2 * second ? ofScript.get(best).code() : null;
    }

    /**
     * {@code pick}, unless another language of the script has at least three of its function words in
     * the text and more than twice as many as {@code pick}'s (or {@code pick} is null). A pick without
     * cues of its own cannot be compared, and stands. {@code counts} from {@link FunctionWords#counts}.
     */
    private static String byFunctionWords(List<SupportedLanguage> ofScript, int[] counts, String pick) {
        if (pick != null && !Cues.of(pick).language().equals(pick)) {
            return pick;
        }
        String best = null;
        int bestCount = 0;
        int pickCount = 0;
        for (int i = 0; i < ofScript.size(); i++) {
            SupportedLanguage l = ofScript.get(i);
            int n = counts[i];
            if (n < 0) {
                continue; // no cues for it yet
            }
            if (l.code().equals(pick)) {
                pickCount = n;
            }
            if (n > bestCount) {
                best = l.code();
                bestCount = n;
            }
        }
        if (best != null && !best.equals(pick) && bestCount >= 3 && bestCount > 2 * pickCount) {
            return best;
        }
        if (pick != null && pickCount == 0 && counts[ofScript.size()] < SHORT_WORDS) {
            // A few words with none of the pick's own ("Got it, thank you." read as German): another language's function
            // words decide, else it stays undecided; a short acknowledgement is no evidence of a language.
            return best != null && bestCount >= 2 ? best : null;
        }
        return pick;
    }

    /** The first 40 words or so: plenty to tell languages apart, and Lingua's cost grows with the text. */
    static String sample(String text) {
        if (text.length() <= 280) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 280);
        return text.substring(0, cut > 0 ? cut : 280);
    }

    private static LanguageDetector detector(Set<Language> languages, boolean wait) {
        LanguageDetector d = DETECTORS.get(languages);
        if (d != null) {
            return d;
        }
        if (wait || LOADED.containsAll(languages)) {
            return build(languages);
        }
        if (LOADING.add(languages)) {
            Thread.ofVirtual().name("lingua-load").start(() -> build(languages));
        }
        return null;
    }

    private static LanguageDetector build(Set<Language> languages) {
        Set<Language> key = Set.copyOf(languages);
        LanguageDetector have = DETECTORS.get(key);
        if (have != null) {
            return have;
        }
        // Built outside any lock: Lingua loads its models on the common fork-join pool, and a parallel stream's worker
        // waiting on a computeIfAbsent lock held by this builder deadlocked a study run on two cores. Two callers at
        // once may both build; the first one stored is kept.
        LanguageDetector d = LanguageDetectorBuilder.fromLanguages(key.toArray(Language[]::new)).withLowAccuracyMode()
                .withPreloadedLanguageModels().build();
        LOADED.addAll(key);
        LanguageDetector first = DETECTORS.putIfAbsent(key, d);
        return first != null ? first : d;
    }

    /**
     * Whether {@code detect(text, candidates, false)} gives the verdict it will keep giving: the Lingua models of the
     * scripts {@code text} is written in are loaded (while they load, detection falls back to function words). For
     * readings kept once made.
     */
    public static boolean ready(String text) {
        Set<Script> scripts = EnumSet.noneOf(Script.class);
        text.codePoints().mapToObj(Script::of).filter(java.util.Objects::nonNull).forEach(scripts::add);
        for (Script script : scripts) {
            Set<Language> set = EnumSet.noneOf(Language.class);
            Languages.ALL.stream().filter(l -> l.script() == script).forEach(l -> set.add(Language.valueOf(l.linguaName())));
            if (set.size() > 1 && !LOADED.containsAll(set)) {
                return false;
            }
        }
        return true;
    }

    /** Loads the models for {@code candidates} in the background, so a session's first turns do not wait. */
    public static void warmUp(Collection<String> candidates) {
        for (Script script : Script.values()) {
            Set<Language> set = EnumSet.noneOf(Language.class);
            Languages.ALL.stream().filter(l -> l.script() == script && candidates.contains(l.code()))
                    .forEach(l -> set.add(Language.valueOf(l.linguaName())));
            if (set.size() > 1) {
                detector(set, false);
            }
        }
    }
}
