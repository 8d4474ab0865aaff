package dev.chassis.research.guide;

import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interview guide. Immutable; built by {@link GuideFile#load}.
 *
 * @param study      the study's id
 * @param title      what the study is about
 * @param languages  the languages it may be held in, the first being the one its text is written in
 * @param consent    what the participant agrees to, read out at the start
 * @param opening    the interviewer's first words (before the first question)
 * @param background the participant fields the interviewer may know (names of pool columns)
 * @param rules      rules the interviewer always keeps
 * @param texts      its text in the other languages, by language
 * @param warnings   what it lacks, located (a listed language without text...)
 * @param ledger     the study's mistake ledger (a folder of incident files), applied to its sessions unless
 *                   a command names another; resolved against the guide's folder when read from a file
 */
public record Guide(String study, String title, List<String> languages, Duration duration, String consent, String opening,
                    List<String> background, List<String> rules, List<Objective> objectives, Map<String, GuideText> texts,
                    List<GuideWarning> warnings, String source, Optional<Path> ledger) {

    public Guide {
        Objects.requireNonNull(study, "study");
        languages = List.copyOf(languages);
        background = List.copyOf(background);
        rules = List.copyOf(rules);
        objectives = List.copyOf(objectives);
        texts = Map.copyOf(texts);
        warnings = List.copyOf(warnings);
        ledger = Objects.requireNonNullElse(ledger, Optional.empty());
    }

    /** This guide with another ledger folder. */
    public Guide withLedger(Optional<Path> folder) {
        return new Guide(study, title, languages, duration, consent, opening, background, rules, objectives, texts, warnings, source, folder);
    }

    /** The language its text is written in. */
    public String language() {
        return languages.getFirst();
    }

    /** Whether it has its questions in {@code language}: its own, or a translation. */
    public boolean hasText(String language) {
        return language.equals(language()) || texts.containsKey(language);
    }

    /** Its objectives in {@code language}: translated where the guide has the text, else as written. */
    public List<Objective> objectives(String language) {
        Optional<GuideText> text = Optional.ofNullable(texts.get(language));
        if (text.isEmpty()) {
            return objectives;
        }
        List<Objective> out = new ArrayList<>();
        for (Objective o : objectives) {
            out.add(text.get().objective(o.id()).map(t -> new Objective(o.id(), t.title(), t.description(), o.priority(), o.timeShare(),
                    t.questions(), t.probes().isEmpty() ? o.probes() : t.probes(), keywords(o, t))).orElse(o));
        }
        return out;
    }

    /** The consent in {@code language}, or as written when it has none there. */
    public String consent(String language) {
        return Optional.ofNullable(texts.get(language)).map(GuideText::consent).filter(c -> !c.isEmpty()).orElse(consent);
    }

    /** The opening in {@code language}, or as written when it has none there. */
    public String opening(String language) {
        return Optional.ofNullable(texts.get(language)).map(GuideText::opening).filter(c -> !c.isEmpty()).orElse(opening);
    }

    /**
     * The briefing for one session, in the guide's words for {@code language} where it has them.
     *
     * @param language    the session's language (one of the guide's)
     * @param participant what is known about the participant (only the guide's background fields are kept)
     */
    public Briefing briefing(String language, Map<String, String> participant) {
        return briefing(language, participant, true);
    }

    /**
     * The briefing for one session, carrying the planned questions in every language the guide has them in,
     * so a participant who switches is asked in theirs.
     *
     * @param modelTranslates whether the engine can translate: if not, only the languages with the guide's
     *                        text are offered to the session (for any other, the interviewer says once that
     *                        it goes on in one it has)
     */
    public Briefing briefing(String language, Map<String, String> participant, boolean modelTranslates) {
        Map<String, String> background = new LinkedHashMap<>();
        for (String field : this.background) {
            String v = participant.get(field);
            if (v != null && !v.isBlank()) {
                background.put(field, v);
            }
        }
        List<String> allRules = new ArrayList<>(rules);
        allRules.add("Ask one question at a time; never suggest an answer.");
        List<String> languagesFirst = new ArrayList<>();
        languagesFirst.add(language);
        languages.stream().filter(l -> !l.equals(language) && (modelTranslates || hasText(l))).forEach(languagesFirst::add);
        Map<String, List<Objective>> translations = new LinkedHashMap<>();
        languagesFirst.stream().filter(l -> !l.equals(language) && hasText(l)).forEach(l -> translations.put(l, objectives(l)));
        String consentThere = consent(language);
        String open = (consentThere.isBlank() ? "" : consentThere + " ") + opening(language);
        return new Briefing(title, language, languagesFirst, duration, objectives(language), background, allRules, List.of(), open.strip(),
                translations);
    }

    /** The briefing in the guide's default language, for a participant we know nothing about. */
    public Briefing briefing() {
        return briefing(language(), Map.of());
    }

    /** Keywords in both languages: a participant may answer in either. */
    private static List<String> keywords(Objective o, GuideText.ObjectiveText t) {
        List<String> out = new ArrayList<>(t.keywords());
        o.keywords().stream().filter(k -> !out.contains(k)).forEach(out::add);
        return out;
    }
}
