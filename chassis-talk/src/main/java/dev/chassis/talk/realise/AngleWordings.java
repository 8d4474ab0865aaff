package dev.chassis.talk.realise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.directive.Angle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The wordings of {@link Angle}s, one per angle and language, loaded once from {@code angles.yaml}. A language listed there
 * has every angle, each naming its {@code {topic}}: checked when loaded, so a gap is a broken build, not an English
 * question in a Thai interview. Immutable after loading.
 */
final class AngleWordings {

    static final String FILE = "angles.yaml";
    private static final Map<String, Map<Angle, String>> ALL = parse(FILE, read());

    private AngleWordings() {
    }

    /** The question from {@code angle} on {@code topic}, in {@code language} (English where the file has no wording). */
    static String ask(String language, Angle angle, String topic) {
        Map<Angle, String> wordings = ALL.getOrDefault(language, ALL.get("en"));
        return wordings.get(angle).replace("{topic}", topic.strip());
    }

    /** The languages with wordings. */
    static Set<String> languages() {
        return ALL.keySet();
    }

    /**
     * The wordings written in {@code text}.
     *
     * @throws IllegalArgumentException naming the file, the language and the angle that is missing or has no {@code {topic}}
     */
    static Map<String, Map<Angle, String>> parse(String file, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable as YAML (" + e.getMessage().lines().findFirst().orElse("") + "); write 'code:' then 'angle: \"...\"' lines");
        }
        if (root == null || !root.isObject() || !root.has("en")) {
            throw new IllegalArgumentException(file + ": no 'en' section; every other language falls back to English, so write it first");
        }
        Map<String, Map<Angle, String>> out = new HashMap<>();
        root.fields().forEachRemaining(language -> {
            Map<Angle, String> wordings = new EnumMap<>(Angle.class);
            for (Angle a : Angle.values()) {
                JsonNode w = language.getValue().path(a.key());
                if (!w.isTextual() || !w.asText().contains("{topic}")) {
                    throw new IllegalArgumentException(file + ", language '" + language.getKey() + "', field '" + a.key() + "': "
                            + (w.isTextual() ? "names no {topic}; say which topic the question is on" : "missing; add its wording"));
                }
                wordings.put(a, w.asText());
            }
            out.put(language.getKey(), Map.copyOf(wordings));
        });
        return Map.copyOf(out);
    }

    private static String read() {
        try (InputStream in = AngleWordings.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/chassis/talk/realise/" + FILE);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
