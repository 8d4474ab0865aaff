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

    /** What the agent said so far in the session (as far as the prompt shows it). */
    record Said(List<String> texts) {
        boolean used(String lead) {
            String l = lead.strip().toLowerCase(java.util.Locale.ROOT);
            return !l.isEmpty() && texts.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(l));
        }
    }

    /** A variant of template {@code key} in {@code language} (English if missing), chosen by {@code pick}. */
    static String pick(String language, String key, int pick, Map<String, String> values) {
        List<String> list = variants(language, key);
        return fill(list.get(Math.floorMod(pick, list.size())), values);
    }

    /**
     * A variant whose own words (the text around its placeholders) were not said before in the session,
     * starting from the one {@code pick} names; when all were, the one {@code pick} names.
     */
    static String fresh(String language, String key, int pick, Said said, Map<String, String> values) {
        List<String> list = variants(language, key);
        for (int i = 0; i < list.size(); i++) {
            String v = list.get(Math.floorMod(pick + i, list.size()));
            if (!usedLead(v, said) && !usedPart(v, said)) {
                return fill(v, values);
            }
        }
        // Every variant said before: one that asks with the value inside its question ("What is one concrete example of
        // "{quote}"?") asks something new with new words, where "You mentioned "{quote}". What is a recent example of
        // that?" would ask the very same question again.
        for (int i = 0; i < list.size(); i++) {
            String v = list.get(Math.floorMod(pick + i, list.size()));
            if (!values.isEmpty() && asksWithValue(v)) {
                return fill(v, values);
            }
        }
        return fill(list.get(Math.floorMod(pick, list.size())), values);
    }

    /** Whether the words before the template's first value were said before; a lead of only a quotation mark is no words. */
    private static boolean usedLead(String template, Said said) {
        String lead = template.replaceAll("\\{[a-z]+}.*", "");
        return lead.codePoints().anyMatch(Character::isLetter) && said.used(lead);
    }

    /** A sentence's end: a stop then space, or a full-width stop, after which Japanese and Chinese write no space. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.?!;।؟])\\s+|(?<=[。？！])");

    /** Whether the template's last sentence, the one that asks, holds one of its values. */
    private static boolean asksWithValue(String template) {
        String[] sentences = SENTENCE_END.split(template.strip());
        return sentences[sentences.length - 1].contains("{");
    }

    /** Whether a fixed part of the template after its first value ("— could you tell me more about that?") was said before. */
    private static boolean usedPart(String template, Said said) {
        String[] parts = template.split("\\{[a-z]+}");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].replaceAll("^[\\s\"“”«»„「」:,.—–-]+", "").strip();
            if (p.length() >= 12 && said.used(p)) {
                return true;
            }
        }
        return false;
    }

    /** The name of language {@code named}, in {@code language}. */
    static String languageName(String language, String named) {
        JsonNode names = ALL.path("names").path(language);
        if (names.has(named)) {
            return names.get(named).asText();
        }
        // Languages without a row of names: the name CLDR gives (via the JDK), as written mid-sentence.
        String name = java.util.Locale.forLanguageTag(named).getDisplayLanguage(java.util.Locale.forLanguageTag(language));
        return name.isEmpty() || name.equals(named) ? ALL.path("names").path("en").path(named).asText(named) : name;
    }

    private static List<String> variants(String language, String key) {
        JsonNode lang = ALL.has(language) ? ALL.get(language) : ALL.get("en");
        JsonNode variants = lang.has(key) ? lang.get(key) : ALL.get("en").get(key);
        List<String> list = new ArrayList<>();
        variants.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static String fill(String template, Map<String, String> values) {
        String t = template;
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
