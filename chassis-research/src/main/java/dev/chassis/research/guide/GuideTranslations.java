package dev.chassis.research.guide;

import dev.chassis.core.input.YamlLocator;
import dev.chassis.talk.stage.CulturalPacks;
import dev.chassis.talk.stage.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a guide's {@code translations}: errors for what cannot be right (a language the guide does not
 * list, an objective it does not have, a different number of questions), warnings for what is missing
 * (a listed language without its text, an objective or the opening left untranslated).
 */
final class GuideTranslations {

    record TextFile(String language, String consent, String opening, List<ObjectiveTextFile> objectives) { }

    record ObjectiveTextFile(String id, String title, String description, List<String> questions, List<String> probes,
                             List<String> keywords) { }

    private final String source;
    private final String text;
    private final List<GuideWarning> warnings = new ArrayList<>();

    GuideTranslations(String source, String text) {
        this.source = source;
        this.text = text;
    }

    List<GuideWarning> warnings() {
        return List.copyOf(warnings);
    }

    Map<String, GuideText> read(List<TextFile> files, List<String> languages, List<Objective> objectives, String consent,
                                String opening) {
        List<TextFile> given = files == null ? List.of() : files;
        Map<String, GuideText> out = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            TextFile f = given.get(i);
            String at = "translations[" + i + "]";
            require(f != null && f.language() != null, at + ".language", "the language of this text, one of the guide's " + languages);
            String language = f.language();
            require(languages.contains(language), at + ".language", "'" + language + "' is not one of the guide's languages " + languages
                    + "; add it to languages or remove its text");
            require(!language.equals(languages.getFirst()), at + ".language",
                    "'" + language + "' is the guide's first language: its text is the guide's own");
            require(!out.containsKey(language), at + ".language", "'" + language + "' has a text already");
            out.put(language, text(language, f, objectives, consent, opening, at));
        }
        for (int i = 1; i < languages.size(); i++) {
            if (!out.containsKey(languages.get(i))) {
                warn("languages[" + i + "]", "'" + languages.get(i) + "' has no text in this guide (no translation for it): offline, a participant speaking " + name(languages.get(i)) + " is told once, in "
                        + name(languages.get(i)) + ", that the interview goes on in " + name(languages.getFirst())
                        + "; a real model translates the guide, and the session's events say so", languages.get(i));
            }
        }
        return out;
    }

    private GuideText text(String language, TextFile f, List<Objective> objectives, String consent, String opening, String at) {
        List<ObjectiveTextFile> list = f.objectives() == null ? List.of() : f.objectives();
        Map<String, ObjectiveTextFile> given = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        Map<String, GuideText.ObjectiveText> texts = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ObjectiveTextFile t = list.get(i);
            String field = at + ".objectives[" + i + "]";
            require(t != null && t.id() != null, field + ".id", "the id of the objective this translates");
            require(objectives.stream().anyMatch(o -> o.id().equals(t.id())), field + ".id", "the guide has no objective '" + t.id() + "'");
            require(given.put(t.id(), t) == null, field + ".id", "'" + t.id() + "' is translated twice");
            where.put(t.id(), field);
        }
        for (Objective o : objectives) {
            ObjectiveTextFile t = given.get(o.id());
            String field = where.get(o.id());
            if (t == null) {
                warn(at + ".objectives", "'" + o.id() + "' has no " + name(language) + " text: its questions are asked in "
                        + "the guide's first language", language);
                continue;
            }
            List<String> questions = t.questions() == null ? List.of() : t.questions();
            require(questions.size() == o.questions().size() && questions.stream().noneMatch(q -> q == null || q.isBlank()),
                    field + ".questions", "one translation per question, in the same order: " + o.questions().size() + " expected, "
                            + questions.size() + " given");
            List<String> probes = t.probes() == null ? List.of() : t.probes();
            require(t.probes() == null || probes.size() == o.probes().size() && probes.stream().noneMatch(q -> q == null || q.isBlank()),
                    field + ".probes", "one translation per probe, in the same order: " + o.probes().size() + " expected, "
                            + probes.size() + " given");
            if (t.probes() == null && !o.probes().isEmpty()) {
                warn(field, "its probes have no " + name(language) + " text", language);
            }
            texts.put(o.id(), new GuideText.ObjectiveText(t.title() == null ? o.title() : t.title(),
                    t.description() == null ? o.description() : t.description(), questions, probes,
                    t.keywords() == null ? List.of() : t.keywords()));
        }
        if (!consent.isEmpty() && f.consent() == null) {
            warn(at, "no consent text in " + name(language) + ": the consent is read in the guide's first language", language);
        }
        if (!opening.isEmpty() && f.opening() == null) {
            warn(at, "no opening in " + name(language) + ": the interview opens in the guide's first language", language);
        }
        return new GuideText(language, f.consent() == null ? "" : f.consent().strip(), f.opening() == null ? "" : f.opening().strip(), texts);
    }

    /** The language's name in English, from its cultural pack, or its code. */
    static String name(String code) {
        return CulturalPacks.LANGUAGES.contains(code) ? CulturalPacks.of(code).language() : code.toUpperCase(Locale.ROOT);
    }

    private void warn(String field, String message, String language) {
        warnings.add(new GuideWarning(source, YamlLocator.lineOf(text, field), field, message, language));
    }

    private void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw YamlLocator.error(source, text, field, problem);
        }
    }
}
