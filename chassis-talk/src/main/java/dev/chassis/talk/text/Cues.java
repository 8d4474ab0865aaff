package dev.chassis.talk.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the harness reads answers in one language: word and phrase lists kept as data in
 * {@code cues/<language>.yaml} (function words, negations, first person, refusals, harm and loss,
 * distress, intensity, hedges, tone; for claims, frequency phrases by level, numbers written as words,
 * and units by a kind shared across languages, such as {@code people} or {@code week}). Phrases match whole words on lower-cased text; in unspaced
 * scripts (Japanese) as substrings; where words carry prefixes (Arabic) after one of them.
 * Loaded once per language; immutable.
 *
 * @param negationAfter whether a negation follows what it negates ("डर नहीं लगा", "怖くなかった")
 * @param rate          counts of times that make a rate with a period after them: "once" a month, "plusieurs fois" par jour
 * @param every         words that make a period a rate: "every" morning, "chaque" matin (once per period)
 * @param alone         phrases that count the person's group in other words: "just me" 1, "me and a" 2
 * @param group         words naming the group a person speaks for (team, office): "a team of nine" counts us
 * @param acute         feelings of distress strong by themselves ("terrified", "desesperada"): intense without an intensifier
 * @param others        words naming someone else, said first in a sentence when it is about them ("my manager rarely...")
 * @param events        happenings that are a hard moment when they befall a person (fell, collapsed, fainted, broke an arm):
 *                      strong when the sentence names the person ({@code firstPerson} or {@code people}), so "prices fell" is not one
 * @param people        people a happening can befall: family, children, players, patients, colleagues, he and she
 * @param loss          a loss told in the first person ("lost my", "kaybettim", "perdí a"): a hard moment when the sentence names
 *                      one of {@code people} ("I lost my apprentice"), not when it names a thing ("I lost my keys")
 * @param trailing      negations that may come right after what they deny (Swedish "skadades ingen", German "verletzt wurde niemand")
 * @param concern       words that, right after a feeling, make it a concern about something ("worried that", "peur que"):
 *                      an opinion about what may happen, not a hard moment
 * @param acknowledgement words of a short acknowledgement ("oui", "tout à fait", "got it"): with function words, no switch of language
 * @param before        words that tell a habit or state as past, before a change ("used to", "avant", "früher"): not today's
 * @param only          words that make a claim exclusive ("only", "everything", "uniquement", "nur"): one tool for the job
 * @param nearly        words that tell what almost happened ("almost", "nearly", "failli"): not that it did
 * @param periodic      words that name a rate by its period, with times a day: "weekly" 0.14, "monthly" 0.033, "hourly" 24
 *
 * <p>A phrase ending in {@code *} is a stem: it matches at the start of a word and the word may go on ("упал*": упал, упала, упали).
 * One starting with {@code *} is a compound's head: the word may start before it ("*tumör": hjärntumör, "*åring": åttaåring),
 * for languages that join nouns into one word.
 */
public record Cues(String language, boolean unspaced, boolean negationAfter, List<String> prefixes, Set<String> function,
                   List<String> negation, List<String> firstPerson, List<String> refusal, List<String> harm, List<String> distress,
                   List<String> positive, List<String> intensity, List<String> hedges, List<String> positiveWords,
                   List<String> negativeWords, List<Map.Entry<String, Integer>> frequency, Map<String, Double> numbers,
                   List<Map.Entry<String, String>> units, Map<String, Double> rate, List<String> every, Map<String, Double> alone, List<String> group, List<String> others, List<String> acute,
                   List<String> events, List<String> people, List<String> loss, List<String> trailing, List<String> concern,
                   Set<String> acknowledgement, List<String> before, List<String> only, List<String> nearly,
                   Map<String, Double> periodic) {

    /** Frequency levels, from never to always. */
    public static final List<String> LEVELS = List.of("never", "rarely", "sometimes", "often", "always");

    private static final Map<String, Cues> LOADED = new ConcurrentHashMap<>();
    // Compiled once: String.split and replaceAll compiled them on every call, for every cue found in every sentence.
    private static final java.util.regex.Pattern TRAILING_LETTERS = java.util.regex.Pattern.compile("[\\p{L}\\p{M}]+$");
    private static final java.util.regex.Pattern STOP = java.util.regex.Pattern.compile("[,.;:!?]");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}\\p{N}']+");

    /** The cues of {@code language}, or English's where the project has none for it. */
    public static Cues of(String language) {
        Cues have = LOADED.get(language);
        if (have != null) {
            return have;
        }
        // Loaded outside the map's lock: a language without cues falls back to English's, and looking English up inside
        // computeIfAbsent is a recursive update (an IllegalStateException when both keys share a bin). Two callers at once
        // may both load; the first one stored is kept.
        Cues loaded = load(language).orElseGet(() -> language.equals("en") ? empty("en") : of("en"));
        Cues first = LOADED.putIfAbsent(language, loaded);
        return first != null ? first : loaded;
    }

    /** Where one phrase of {@code phrases} occurs in {@code text} (lower-cased by {@link #lower}): its start, or -1. */
    public int find(String lower, String phrase) {
        return find(lower, phrase, 0);
    }

    private int find(String lower, String phrase, int from) {
        boolean stem = phrase.endsWith("*");
        boolean head = phrase.length() > 1 && phrase.charAt(0) == '*';
        String text = phrase.substring(head ? 1 : 0, stem ? phrase.length() - 1 : phrase.length());
        for (int i = lower.indexOf(text, from); i >= 0; i = lower.indexOf(text, i + 1)) {
            // An elided word ("j'", "l'") ends at its apostrophe, joined to the next.
            if (unspaced || (head || startsWord(lower, i)) && (stem || text.endsWith("'") || endsWord(lower, i + text.length()))) {
                return i;
            }
        }
        return -1;
    }

    /** How many characters of the text {@code phrase} matches: its length without the {@code *} that make it a stem or a head. */
    public static int span(String phrase) {
        return phrase.length() - (phrase.endsWith("*") ? 1 : 0) - (phrase.length() > 1 && phrase.charAt(0) == '*' ? 1 : 0);
    }

    /** The phrases of {@code phrases} found in {@code lower}, in list order. */
    public List<String> found(String lower, List<String> phrases) {
        List<String> out = new ArrayList<>(2);
        for (String p : phrases) {
            if (find(lower, p) >= 0) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether some occurrence of the phrase at {@code at} is negated: a negation a few words before it (or after, where negation follows). */
    public boolean negatedAt(String lower, int at, int length) {
        String before = lower.substring(Math.max(0, at - (unspaced ? 0 : 40)), at);
        String after = lower.substring(Math.min(lower.length(), at + length), Math.min(lower.length(), at + length + (unspaced ? 8 : 30)));
        // A cue found after a prefix (Arabic بـ) leaves that prefix as a last "word": it is not one of the three.
        List<String> beforeWords = lastWords(unspaced ? before : TRAILING_LETTERS.matcher(before).replaceAll(""), 3);
        // A negation after the cue counts only in the same stretch of words ("skadades ingen", not "utbränd, inte bara trött").
        if (!unspaced && firstWords(STOP.split(after, 2)[0], 2).stream().anyMatch(trailing::contains)) {
            return true;
        }
        for (String n : negation) {
            if (!unspaced && beforeWords.stream().anyMatch(w -> w.equals(n) || n.endsWith("'") && w.startsWith(n) || w.endsWith("n't"))) {
                return true;
            }
            if (negationAfter && (unspaced ? after.contains(n) : firstWords(after, 2).contains(n))) {
                return true;
            }
            // Unspaced scripts that negate before (Chinese 不怕, Thai ไม่กลัว): the negation right in front of the cue.
            if (unspaced && !negationAfter && lower.substring(Math.max(0, at - n.length() - 1), at).contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the phrase found at {@code at} is followed at once (no punctuation between) by one of {@code words}. */
    public boolean followedBy(String lower, int at, int length, List<String> words) {
        String after = lower.substring(Math.min(lower.length(), at + length));
        return !unspaced && !words.isEmpty() && firstWords(STOP.split(after, 2)[0], 1).stream().anyMatch(words::contains);
    }

    /** Roughly how many words {@code text} has; in unspaced scripts, about three characters a word. */
    public int words(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        return unspaced ? Math.max(1, t.codePointCount(0, t.length()) / 3) : spacedWords(t);
    }

    /**
     * {@code stripped.split("\\s+").length} without compiling and running a regular expression (several times a turn for
     * every sentence the monitors read): a stripped text has no leading or trailing {@code \s} (each is whitespace to
     * {@link String#strip}), so its words are one more than its runs of {@code \s}; an empty text is one, as split says.
     */
    public static int spacedWords(String stripped) {
        int n = 1;
        boolean inSpace = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
            if (space && !inSpace) {
                n++;
            }
            inSpace = space;
        }
        return n;
    }

    /** Lower case with typographic apostrophes made plain, as the lists are written. */
    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private boolean startsWord(String s, int i) {
        if (i == 0 || !wordChar(s.charAt(i - 1))) {
            return true;
        }
        for (String p : prefixes) {
            if (i >= p.length() && s.startsWith(p, i - p.length()) && (i == p.length() || !wordChar(s.charAt(i - p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWord(String s, int end) {
        return end >= s.length() || !wordChar(s.charAt(end));
    }

    /** Letters, digits and the marks of scripts that write vowels as marks (Devanagari). */
    static boolean wordChar(char c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static List<String> lastWords(String s, int n) {
        List<String> words = List.of(NOT_WORD.split(s));
        List<String> nonEmpty = words.stream().filter(w -> !w.isEmpty()).toList();
        return nonEmpty.subList(Math.max(0, nonEmpty.size() - n), nonEmpty.size());
    }

    private static List<String> firstWords(String s, int n) {
        // Negations of two words ("कभी नहीं") are matched through their last word.
        return List.of(NOT_WORD.split(s.strip())).stream().filter(w -> !w.isEmpty()).limit(n).toList();
    }

    private static java.util.Optional<Cues> load(String language) {
        if (!language.matches("[a-z]{2}")) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Cues.class.getResourceAsStream("cues/" + language + ".yaml")) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(in);
            return java.util.Optional.of(new Cues(language, n.path("unspaced").asBoolean(false), n.path("negationAfter").asBoolean(false),
                    list(n, "prefixes"), Set.copyOf(list(n, "function")), list(n, "negation"), list(n, "firstPerson"), list(n, "refusal"),
                    list(n, "harm"), list(n, "distress"), list(n, "positive"), list(n, "intensity"), list(n, "hedges"),
                    list(n, "positiveWords"), list(n, "negativeWords"), frequency(n), numbers(n, "numbers"), units(n), numbers(n, "rate"), list(n, "every"),
                    numbers(n, "alone"), list(n, "group"), list(n, "others"), list(n, "acute"), list(n, "events"), list(n, "people"),
                    list(n, "loss"), list(n, "trailing"), list(n, "concern"),
                    Set.copyOf(list(n, "acknowledgement")), list(n, "before"), list(n, "only"), list(n, "nearly"),
                    numbers(n, "periodic")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cues for " + language, e);
        }
    }

    private static List<Map.Entry<String, Integer>> frequency(JsonNode n) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        for (int level = 0; level < LEVELS.size(); level++) {
            for (String p : list(n.path("frequency"), LEVELS.get(level))) {
                out.add(Map.entry(p, level));
            }
        }
        out.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        return List.copyOf(out);
    }

    /**
     * A field of words with values, longest first (then alphabetical): readers take the first that matches, so "once or
     * twice" is read before "once", the same in every run (a {@code Map.copyOf} iterates in an order salted per JVM, and
     * "once or twice a week" was read as once or as twice depending on the run).
     */
    private static Map<String, Double> numbers(JsonNode n, String field) {
        List<Map.Entry<String, Double>> found = new ArrayList<>();
        n.path(field).properties().forEach(e -> found.add(Map.entry(lower(e.getKey()).strip(), e.getValue().asDouble())));
        found.sort(java.util.Comparator.<Map.Entry<String, Double>>comparingInt(e -> -e.getKey().length()).thenComparing(Map.Entry::getKey));
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        found.forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<Map.Entry<String, String>> units(JsonNode n) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        n.path("units").properties().forEach(e -> list(n.path("units"), e.getKey()).forEach(w -> out.add(Map.entry(w, e.getKey()))));
        out.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        return List.copyOf(out);
    }

    private static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> {
            if (v.isBoolean()) {
                // YAML 1.1 reads a bare no, on, off, yes or y as a boolean: the word would silently become "false"
                throw new IllegalStateException("a cue file's field '" + field + "' holds " + v.asText()
                        + " where a word was meant: quote it (\"no\", \"on\", \"y\")");
            }
            out.add(lower(v.asText()).strip());
        });
        out.removeIf(String::isEmpty);
        // Longer phrases first, so "not sure" is found before "not".
        out.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(out);
    }

    private static Cues empty(String language) {
        return new Cues(language, false, false, List.of(), Set.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), Map.of());
    }
}
