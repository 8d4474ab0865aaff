package dev.chassis.research.synthesis;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.research.synthesis.phrase.KeyPhrases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lexical bridge between languages (issue 16.5): shared concepts ({@code concepts.yaml}: price, customer,
 * delivery...) with the words each language says them with, read through that language's own analyser, so that a
 * statement's lemmas name the concepts it is about whatever language it was said in. Synthesis adds them to the
 * features it groups statements by: "los precios subieron" and "the prices went up" then share a feature. It stands
 * in for a multilingual embedding model, which no registry reachable here serves. Thread-safe; a language's entries
 * are analysed the first time a study in it is grouped.
 */
final class Concepts {

    /** One way a language says a concept: every lemma must be in the statement (Vietnamese "khách hàng"). */
    private record Entry(String concept, Set<String> lemmas) {
    }

    private static final Map<String, Map<String, List<String>>> WORDS = load();
    private static final Map<String, List<Entry>> ENTRIES = new ConcurrentHashMap<>();

    private Concepts() {
    }

    /** The concepts that {@code lemmas} (a statement's, in {@code language}) are about, sorted. */
    static Set<String> of(String language, Collection<String> lemmas) {
        Set<String> have = new HashSet<>(lemmas);
        Set<String> out = new TreeSet<>();
        for (Entry e : entries(language)) {
            if (have.containsAll(e.lemmas())) {
                out.add(e.concept());
            }
        }
        return out;
    }

    /** The concepts known (for tests and reports). */
    static Set<String> names() {
        return new TreeSet<>(WORDS.keySet());
    }

    private static List<Entry> entries(String language) {
        return ENTRIES.computeIfAbsent(language == null ? "en" : language, Concepts::analyse);
    }

    private static List<Entry> analyse(String language) {
        KeyPhrases reader = KeyPhrases.forLanguage(language);
        List<Entry> out = new ArrayList<>();
        WORDS.forEach((concept, byLanguage) -> {
            for (String word : byLanguage.getOrDefault(language, List.of())) {
                Set<String> lemmas = reader.words(word);
                if (!lemmas.isEmpty()) {
                    out.add(new Entry(concept, Set.copyOf(lemmas)));
                }
            }
        });
        return List.copyOf(out);
    }

    private static Map<String, Map<String, List<String>>> load() {
        try (InputStream in = Objects.requireNonNull(Concepts.class.getResourceAsStream("concepts.yaml"), "concepts.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Map.copyOf(StructuredReader.yaml().mapper().convertValue(StructuredReader.yaml().read(text, "concepts.yaml", Map.class),
                    new TypeReference<Map<String, Map<String, List<String>>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
