package dev.chassis.talk.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.language.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The cultural packs shipped with the harness, loaded from resources on first use. Thread-safe. */
public final class CulturalPacks {

    /** Languages with a pack (ISO 639-1): every supported language, in the registry's order. */
    public static final Set<String> LANGUAGES = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(Languages.CODES));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, CulturalPack> CACHE = new ConcurrentHashMap<>();

    private CulturalPacks() {
    }

    /** The pack for {@code code}; every code in {@link #LANGUAGES} has one. */
    public static CulturalPack of(String code) {
        if (!LANGUAGES.contains(code)) {
            throw new IllegalArgumentException("no cultural pack for '" + code + "'; packs exist for " + LANGUAGES);
        }
        return CACHE.computeIfAbsent(code, CulturalPacks::load);
    }

    private static CulturalPack load(String code) {
        String resource = "culture/" + code + ".yaml";
        try (InputStream in = CulturalPacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            JsonNode n = YAML.readTree(in);
            return new CulturalPack(code, n.path("language").asText(), n.path("address").asText(), n.path("formality").asText(),
                    list(n.path("care")), n.path("askForExample").asText(), list(n.path("notes")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
