package dev.chassis.talk.realise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The realisation templates, loaded once from {@code templates.yaml}. Immutable after loading. */
final class Templates {

    private static final JsonNode ALL = load();

    private Templates() {
    }

    /** A variant of template {@code key} in {@code language} (English if missing), chosen by {@code pick}. */
    static String pick(String language, String key, int pick, Map<String, String> values) {
        JsonNode lang = ALL.has(language) ? ALL.get(language) : ALL.get("en");
        JsonNode variants = lang.has(key) ? lang.get(key) : ALL.get("en").get(key);
        List<String> list = new ArrayList<>();
        variants.forEach(v -> list.add(v.asText()));
        String t = list.get(Math.floorMod(pick, list.size()));
        for (Map.Entry<String, String> e : values.entrySet()) {
            t = t.replace("{" + e.getKey() + "}", e.getValue());
        }
        return t.strip().replaceAll("\\s{2,}", " ");
    }

    private static JsonNode load() {
        try (InputStream in = Templates.class.getResourceAsStream("templates.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/chassis/talk/realise/templates.yaml");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
