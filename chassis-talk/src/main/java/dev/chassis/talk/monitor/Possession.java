package dev.chassis.talk.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Having or using a thing, yes or no: a short denial of it ("We don't have a website", "Je n'utilise pas d'agenda") and a
 * sentence that speaks of the person's own ("most orders come through our website") do not fit. The words that make a
 * thing one's own are data per language ({@code possessive.yaml}). A denial that already names its own ("I don't have my
 * laptop with me") denies something else than having it, and is left alone.
 */
final class Possession {

    /** A denial of having a thing says little else: longer ones deny a part of what they say. */
    private static final int DENIAL_WORDS = 8;
    /** How far (in words) the possessive may stand from the thing: "our own website", "le site de notre boutique". */
    private static final int NEAR = 2;
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}']+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, List<String>> POSSESSIVE = load();
    /** Not a language: the key under which every language's possessive words are looked up at once. */
    private static final String ANY = "*";
    private static final List<String> EVERY = POSSESSIVE.values().stream().flatMap(List::stream).distinct().toList();

    private Possession() {
    }

    /** A "negation" verdict when one claim denies having or using what the other speaks of as the person's own. */
    static Optional<String[]> compare(Claim earlier, Claim later) {
        if (denies(earlier) && owns(later, earlier)) {
            return Optional.of(new String[] {"negation", "said at turn " + earlier.turn() + " they do not have or use it, now speaks of their own"});
        }
        if (denies(later) && owns(earlier, later)) {
            return Optional.of(new String[] {"negation", "spoke of their own at turn " + earlier.turn() + ", now says they do not have or use it"});
        }
        return Optional.empty();
    }

    private static boolean denies(Claim c) {
        boolean never = c.frequency().filter("never"::equals).isPresent();
        if (!c.negated() && !never || c.subject().isEmpty() || c.subject().size() > 3 || NegationScope.aboutOthers(c)) {
            return false;
        }
        String language = NegationScope.language(c);
        String lower = Cues.lower(c.quote());
        boolean unspaced = Cues.of(language).unspaced();
        // The person's own even without a pronoun where the verb says who ("No tenemos página web", "Não temos site").
        return (unspaced || SPACES.split(lower).length <= DENIAL_WORDS) && possessiveAt(lower, language, unspaced).isEmpty();
    }

    /** Whether {@code other} affirms, as the person's own, every thing {@code denial} is about. */
    private static boolean owns(Claim other, Claim denial) {
        // "Casi todos los pedidos" is almost all of them, not a near miss: what nearly happened does not matter here.
        if (other.negated() || other.frequency().filter("never"::equals).isPresent()) {
            return false;
        }
        if (!denial.subject().stream().allMatch(d -> other.subject().stream().anyMatch(o -> NegationScope.similar(d, o)))) {
            return false;
        }
        String language = NegationScope.language(other);
        String lower = Cues.lower(other.quote());
        if (Cues.of(language).unspaced()) {
            return !possessiveAt(lower, language, true).isEmpty();
        }
        List<String> words = List.of(WORD.split(lower.strip()));
        // Every language's words: a short sentence can be detected as a neighbour ("via onze website" read as French), and
        // the possessive has to stand right by the denied thing anyway.
        List<Integer> owned = possessiveAt(lower, ANY, false);
        for (int i = 0; i < words.size(); i++) {
            List<String> stems = Analysis.terms(words.get(i), language);
            boolean thing = stems.stream().anyMatch(s -> denial.subject().stream().anyMatch(d -> NegationScope.similar(d, s)));
            final int at = i;
            if (thing && owned.stream().anyMatch(p -> p != at && Math.abs(p - at) <= NEAR)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sentence (lower case) speaks of something as the person's own: "our website", "nuestra página". */
    static boolean speaksOfOwn(String lower, String language) {
        return !possessiveAt(lower, language, Cues.of(language).unspaced()).isEmpty();
    }

    /** Where the possessive words stand, as word indexes (in unspaced scripts: one entry per one found). */
    private static List<Integer> possessiveAt(String lower, String language, boolean unspaced) {
        List<String> possessive = language.equals(ANY) ? EVERY : POSSESSIVE.getOrDefault(language, List.of());
        List<Integer> out = new ArrayList<>();
        if (unspaced) {
            possessive.stream().filter(lower::contains).forEach(p -> out.add(0));
            return out;
        }
        List<String> words = List.of(WORD.split(lower.strip()));
        for (int i = 0; i < words.size(); i++) {
            for (String p : possessive) {
                String[] parts = p.split(" ");
                if (i + parts.length <= words.size() && String.join(" ", words.subList(i, i + parts.length)).equals(p)) {
                    out.add(i + parts.length - 1);
                }
            }
        }
        return out;
    }

    private static Map<String, List<String>> load() {
        try (InputStream in = Possession.class.getResourceAsStream("possessive.yaml")) {
            if (in == null) {
                throw new IllegalStateException("possessive.yaml is missing from the harness's resources");
            }
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, List<String>> out = new HashMap<>();
            n.properties().forEach(e -> {
                List<String> words = new ArrayList<>();
                e.getValue().forEach(v -> words.add(Cues.lower(v.asText()).strip()));
                out.put(e.getKey(), List.copyOf(words));
            });
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read possessive.yaml", e);
        }
    }
}
