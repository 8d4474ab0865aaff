package dev.chassis.talk.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.text.Cues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words that frame a claim beyond its number or frequency, per language ({@code frames.yaml}): a comparison's
 * direction and what introduces the thing compared with, and who does a task (the person alone, or the whole of it).
 *
 * @param more  comparatives that say more (in amount, cost or how often)
 * @param less  comparatives that say less
 * @param than  what introduces the thing compared with; an entry ending in "-" is a prefix of the next word
 * @param self  words that say the person does it alone ("myself", "moi-même")
 * @param whole words that take the whole of a task ("all", "toute la")
 * @param took  verbs that carry a duration ("took", "gedauert"): not what a duration is of
 * @param ago   words that make a span a point in time ("ago", "il y a")
 * @param start words that tell when something began ("started", "opened", "since"): a year beside one is a start
 * @param copula the person saying who they are ("i'm", "je suis")
 * @param merely words that make who they are less ("just", "ne ... que")
 * @param subjectless whether the verb says who (pro-drop): a claim about no one else is then the person's own
 * @param counters words a count takes between its number and what it counts ("个", "つ"), where numbers need one (ja, zh)
 * @param years    years named by their distance from this one ("last year" -1, "this year" 0, "去年" -1)
 * @param product  words for the product an interview is about ("app", "logiciel", "アプリ")
 * @param particles in unspaced scripts, words a claim's terms keep that say nothing of what it is about ("有", "了")
 * @param recent   a month or a season just past ("last month", "last spring"), with how many months back it lies at most; also
 *                 in {@code years} as this year
 * @param since    words that tell a start only right beside a year ("od 2010 roku", "2014年から")
 * @param one      the article that counts one of a span's unit ("a year", "einem Jahr", "un an")
 * @param when     what makes a clause the time of another ("when", "коли", "とき"): what it names is not affirmed
 * @param emphatic a subject pronoun that, closing a clause, says it is the person who does it ("las llevo yo")
 * @param copulaLast whether the copula closes the clause and the role stands between the person and it ("私は店長です")
 * @param helpers  verbs that carry a denial's tense or person and say nothing of what is denied ("करते")
 * @param limits   seasons and weekends, parts of the year or week a count or a habit may be limited to ("los fines de semana")
 * @param restrictive negation words that with a word of {@code merely} after them say "only" ("ne ... que")
 * @param ever     "ever", which with a negation after it says never though words stand between ("कभी ... नहीं")
 * @param about    words that make a number rough ("about", "etwa", "cerca"): nothing a price is paid for
 * @param without  the language's "without" ("ohne", "sans", "sin"): having none of what follows
 */
record Frames(List<String> more, List<String> less, List<String> than, List<String> self, List<String> whole, List<String> took,
              List<String> ago, List<String> start, List<String> copula, List<String> merely, boolean subjectless,
              List<String> counters, Map<String, Integer> years, List<String> product,
              List<String> particles, Map<String, Integer> recent, List<String> since, List<String> one,
              List<String> when, List<String> emphatic, boolean copulaLast, List<String> helpers,
              List<String> limits, List<String> restrictive, List<String> ever, List<String> about,
              List<String> without) {

    private static final Frames NONE = new Frames(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), false, List.of(), Map.of(), List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    private static final Map<String, Frames> BY_LANGUAGE = load();

    /** The frames of {@code language}, or none where the file has no entry for it. */
    static Frames of(String language) {
        return BY_LANGUAGE.getOrDefault(language, NONE);
    }

    private static Map<String, Frames> load() {
        try (InputStream in = Frames.class.getResourceAsStream("frames.yaml")) {
            if (in == null) {
                throw new IllegalStateException("frames.yaml is missing from the harness's resources");
            }
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Frames> out = new HashMap<>();
            n.properties().forEach(e -> out.put(e.getKey(), new Frames(words(e.getValue(), "more"), words(e.getValue(), "less"),
                    words(e.getValue(), "than"), words(e.getValue(), "self"), words(e.getValue(), "whole"), words(e.getValue(), "took"),
                    words(e.getValue(), "ago"), words(e.getValue(), "start"), words(e.getValue(), "copula"), words(e.getValue(), "merely"),
                    e.getValue().path("subjectless").asBoolean(false), words(e.getValue(), "counters"), years(e.getKey(), e.getValue()),
                    words(e.getValue(), "product"), words(e.getValue(), "particles"), whole(e.getKey(), e.getValue(), "recent"),
                    words(e.getValue(), "since"), words(e.getValue(), "one"), words(e.getValue(), "when"), words(e.getValue(), "emphatic"),
                    e.getValue().path("copulaLast").asBoolean(false), words(e.getValue(), "helpers"),
                    words(e.getValue(), "limits"), words(e.getValue(), "restrictive"),
                    words(e.getValue(), "ever"), words(e.getValue(), "about"),
                    words(e.getValue(), "without"))));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frames.yaml", e);
        }
    }

    /**
     * The {@code years} section (each phrase and how many years from this one it names, -1 for last year) with the phrases of
     * {@code recent} as this year: a month or a season just past lies within the last twelve months or so.
     */
    private static Map<String, Integer> years(String code, JsonNode language) {
        Map<String, Integer> out = new HashMap<>(whole(code, language, "years"));
        whole(code, language, "recent").keySet().forEach(k -> out.putIfAbsent(k, 0));
        return Map.copyOf(out);
    }

    /** A section of phrases with a whole number each ({@code years}: -1 for last year; {@code recent}: months back at most). */
    private static Map<String, Integer> whole(String code, JsonNode language, String section) {
        Map<String, Integer> out = new HashMap<>();
        language.path(section).properties().forEach(y -> {
            if (!y.getValue().canConvertToInt() || !y.getValue().isIntegralNumber()) {
                throw new IllegalStateException("frames.yaml, " + code + "." + section + ", '" + y.getKey() + "': must be a whole number ("
                        + ("years".equals(section) ? "-1 for last year" : "how many months back") + "), not '" + y.getValue().asText() + "'");
            }
            out.put(Cues.lower(y.getKey()).strip(), y.getValue().asInt());
        });
        return Map.copyOf(out);
    }

    private static List<String> words(JsonNode language, String section) {
        List<String> out = new ArrayList<>();
        language.path(section).forEach(v -> out.add(Cues.lower(v.asText()).strip()));
        out.removeIf(String::isEmpty);
        return List.copyOf(out);
    }
}
