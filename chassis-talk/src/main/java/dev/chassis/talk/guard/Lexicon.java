package dev.chassis.talk.guard;

import dev.chassis.core.input.DataLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cue lexicons of every supported language, one data file each ({@code cues/<code>.cues}, plus
 * {@code common.cues} for what reads the same in all of them), merged into one automaton. A line names
 * a concept and its cues: {@code override = ignore | disregard* | *vergiss*}. A {@code *} at the end of
 * a cue lets a word go on ("instruct*" finds "instructions"), at the start lets one begin before it
 * (Arabic and Hebrew prefixes, German compounds); cues in scripts written without spaces (Chinese,
 * Japanese, Korean, Thai) match anywhere. A leading {@code !} marks a cue whose occurrence at the start
 * of a clause is an imperative (verbs of overriding, revealing and obeying always are).
 * {@code your-position = before|after|either} says where a possessive stands from its noun. Immutable
 * and thread-safe; loaded once.
 */
final class Lexicon {

    /** The languages with a lexicon (ISO 639-1), besides the common one. */
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs",
            "ro", "hu", "el", "tr", "ru", "uk", "ar", "he", "hi", "ja", "ko", "zh", "id", "vi", "th");

    /** Index of the common lexicon: its cues count in every language. */
    static final int COMMON = 0;

    enum Position { BEFORE, AFTER, EITHER }

    /** One cue: its language, concept and how its ends meet the text. */
    record Cue(int language, Concept concept, boolean leftOpen, boolean rightOpen, boolean unspaced, boolean imperative) { }

    private final List<String> codes;
    private final Position[] yourPosition;
    private final CueAutomaton automaton;
    private final Cue[][] cues;
    private final int[] lengths;

    private Lexicon(List<String> codes, Position[] yourPosition, CueAutomaton automaton, Cue[][] cues, int[] lengths) {
        this.codes = codes;
        this.yourPosition = yourPosition;
        this.automaton = automaton;
        this.cues = cues;
        this.lengths = lengths;
    }

    private static final class Holder {
        static final Lexicon SHIPPED = load();
    }

    /** The lexicons shipped with the harness. */
    static Lexicon shipped() {
        return Holder.SHIPPED;
    }

    private static Lexicon load() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("common", read("common"));
        for (String code : LANGUAGES) {
            files.put(code, read(code));
        }
        return parse(files);
    }

    private static String read(String code) {
        String resource = "cues/" + code + ".cues";
        return DataLine.resource(Lexicon.class, resource).orElseThrow(() -> new IllegalStateException("missing resource " + resource));
    }

    /**
     * Parses lexicon files by language code ({@code common} first).
     *
     * @throws IllegalArgumentException naming the file and line of the first malformed line
     */
    static Lexicon parse(Map<String, String> files) {
        List<String> codes = new ArrayList<>(files.keySet());
        Position[] positions = new Position[codes.size()];
        Map<String, List<Cue>> byPattern = new LinkedHashMap<>();
        for (int lang = 0; lang < codes.size(); lang++) {
            positions[lang] = Position.BEFORE;
            String file = codes.get(lang) + ".cues";
            for (DataLine data : DataLine.of(file, files.get(codes.get(lang)))) {
                String line = data.text();
                int n = data.number();
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(file + ":" + n + ": expected 'concept = cue | cue', found '" + line + "'");
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (key.equals("your-position")) {
                    positions[lang] = position(value, file, n);
                    continue;
                }
                Concept concept = Concept.named(key);
                if (concept == null) {
                    throw new IllegalArgumentException(file + ":" + n + ": '" + key + "' is not a concept");
                }
                for (String raw : value.split("\\|")) {
                    addCue(byPattern, raw.strip(), lang, concept, file, n);
                }
            }
        }
        List<String> patterns = new ArrayList<>(byPattern.keySet());
        Cue[][] table = new Cue[patterns.size()][];
        int[] lengths = new int[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            table[i] = byPattern.get(patterns.get(i)).toArray(Cue[]::new);
            lengths[i] = patterns.get(i).length();
        }
        return new Lexicon(List.copyOf(codes), positions, CueAutomaton.of(patterns), table, lengths);
    }

    private static void addCue(Map<String, List<Cue>> byPattern, String raw, int lang, Concept concept, String file, int line) {
        if (raw.isEmpty()) {
            throw new IllegalArgumentException(file + ":" + line + ": an empty cue (two '|' in a row?)");
        }
        boolean imperative = raw.startsWith("!");
        String cue = imperative ? raw.substring(1).strip() : raw;
        boolean left = cue.startsWith("*");
        boolean right = cue.endsWith("*") && cue.length() > 1;
        String body = cue.substring(left ? 1 : 0, cue.length() - (right ? 1 : 0));
        String pattern = Texts.squeeze(Normaliser.normalise(body)).text().strip();
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException(file + ":" + line + ": cue '" + raw + "' has no letters");
        }
        boolean unspaced = Texts.unspaced(pattern);
        boolean imp = imperative || concept == Concept.OVERRIDE || concept == Concept.REVEAL || concept == Concept.OBEY;
        List<Cue> same = byPattern.computeIfAbsent(pattern, p -> new ArrayList<>());
        Cue cue2 = new Cue(lang, concept, left, right, unspaced, imp);
        if (!same.contains(cue2)) { // accented and plain spellings of one cue fold together
            same.add(cue2);
        }
    }

    private static Position position(String value, String file, int line) {
        return switch (value) {
            case "before" -> Position.BEFORE;
            case "after" -> Position.AFTER;
            case "either" -> Position.EITHER;
            default -> throw new IllegalArgumentException(file + ":" + line + ": your-position must be before, after or either, was '" + value + "'");
        };
    }

    CueAutomaton automaton() {
        return automaton;
    }

    Cue[] cues(int pattern) {
        return cues[pattern];
    }

    int patternLength(int pattern) {
        return lengths[pattern];
    }

    int languages() {
        return codes.size();
    }

    String code(int language) {
        return codes.get(language);
    }

    Position yourPosition(int language) {
        return yourPosition[language];
    }

    /** How many cues each concept has in one language, for the lexicon's own checks. */
    Map<Concept, Integer> coverage(String code) {
        int lang = codes.indexOf(code);
        Map<Concept, Integer> out = new java.util.EnumMap<>(Concept.class);
        for (Cue[] list : cues) {
            for (Cue c : list) {
                if (c.language() == lang) {
                    out.merge(c.concept(), 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
