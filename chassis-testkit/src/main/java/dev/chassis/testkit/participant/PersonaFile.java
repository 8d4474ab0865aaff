package dev.chassis.testkit.participant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.input.YamlLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a persona from YAML, every problem located by file, line and field. Files written before the
 * behaviour fields existed read as they always did. See {@code examples/personas/} and
 * {@code docs/personas.md} for the format.
 */
public final class PersonaFile {

    record File(String name, String language, Map<String, String> background, List<TopicFile> answers, List<TopicFile> facts,
                List<String> general, List<String> fillers, ContradictionFile contradiction, SwitchFile switchLanguage,
                CodeSwitchFile codeSwitch, DriftFile drift, EmotionalFile emotional, List<RefusalFile> refuses,
                EngagementFile engagement, ReactionsFile reactions, Double paceSeconds, Integer answerWords, Boolean lowEffort,
                String effort) { }

    record TopicFile(List<String> topic, List<String> say) { }

    record ContradictionFile(List<String> topic, String early, String late, Integer from) { }

    record SwitchFile(Integer from, String to, List<String> say, List<TopicFile> answers, List<TopicFile> facts, List<String> general,
                      List<String> fillers, HalvesFile contradiction, Integer until) { }

    record HalvesFile(String early, String late) { }

    record CodeSwitchFile(String to, Integer every, List<String> phrases) { }

    record DriftFile(Integer every, List<String> say) { }

    record EmotionalFile(List<String> topic, List<String> say, Double drop, Integer answers) { }

    record RefusalFile(List<String> topic, String say, Double reasked) { }

    record EngagementFile(Double start, Double longQuestion, Double leading, Double doubleBarrelled, Double repeated, Double shortWarm,
                          Double fillerBelow) { }

    /** {@code register} is a text ({@code formal}) or, as first written, {@code {expects: formal, mismatch: -0.2}}. */
    record ReactionsFile(JsonNode register, Double wrongRegister, Double empathy, Double cold, Double specific, Double ownWords,
                         Double wrongLanguage) { }

    static final List<String> DEFAULT_FILLERS = List.of("I don't know.", "Not sure.", "Hm, maybe.");

    private PersonaFile() {
    }

    public static Persona load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path.toString(), 0, "", "persona file not found");
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        String name = path.getFileName().toString();
        return parse(text, name, name.replaceFirst("\\.ya?ml$", ""));
    }

    public static Persona parse(String text, String source, String id) {
        File f = StructuredReader.yaml().read(text, source, File.class);
        PersonaParts p = new PersonaParts(source, text);
        p.require(f.name() != null && !f.name().isBlank(), "name", "a persona needs a name");
        String language = f.language() == null ? "en" : f.language();
        p.require(language.matches("[a-z]{2}"), "language", "a two-letter language code, e.g. en, was '" + language + "'");
        List<Persona.Topic> answers = p.topics(f.answers(), "answers");
        p.require(!answers.isEmpty() || f.general() != null && !f.general().isEmpty(), "answers",
                "a persona needs answers by topic or general answers");
        Persona.Lines lines = new Persona.Lines(answers, p.topics(f.facts(), "facts"), p.lines(f.general(), "general"),
                f.fillers() == null || f.fillers().isEmpty() ? DEFAULT_FILLERS : p.lines(f.fillers(), "fillers"));
        double pace = f.paceSeconds() == null ? 4 : f.paceSeconds();
        p.require(pace >= 0 && pace <= 120, "paceSeconds", "must be between 0 and 120, was " + pace);
        int answerWords = f.answerWords() == null ? 0 : f.answerWords();
        p.require(answerWords >= 0 && answerWords <= 400, "answerWords", "must be between 0 (as written) and 400, was " + answerWords);
        Persona.Style style = new Persona.Style(Duration.ofMillis((long) (pace * 1000)), answerWords, effort(f, p));
        return Persona.builder(id, f.name()).language(language).background(f.background() == null ? Map.of() : f.background())
                .lines(lines).contradiction(contradiction(f.contradiction(), p))
                .languageSwitch(p.languageSwitch(f.switchLanguage(), lines))
                .codeSwitch(p.codeSwitch(f.codeSwitch())).drift(p.drift(f.drift())).emotional(p.emotional(f.emotional()))
                .refusals(p.refusals(f.refuses())).engagement(p.engagement(f.engagement())).reactions(p.reactions(f.reactions()))
                .style(style).build();
    }

    private static Persona.Effort effort(File f, PersonaParts p) {
        if (f.effort() == null) {
            return Boolean.TRUE.equals(f.lowEffort()) ? Persona.Effort.LOW : Persona.Effort.NORMAL;
        }
        Optional<Persona.Effort> e = switch (f.effort()) {
            case "normal" -> Optional.of(Persona.Effort.NORMAL);
            case "low" -> Optional.of(Persona.Effort.LOW);
            case "fraudulent" -> Optional.of(Persona.Effort.FRAUDULENT);
            default -> Optional.empty();
        };
        p.require(e.isPresent(), "effort", "'" + f.effort() + "' is not an effort; use normal, low or fraudulent");
        p.require(f.lowEffort() == null || f.lowEffort() == (e.get() == Persona.Effort.LOW), "lowEffort",
                "says otherwise than effort: " + f.effort() + "; keep one of them");
        return e.get();
    }

    private static Optional<Persona.Contradiction> contradiction(ContradictionFile c, PersonaParts p) {
        if (c == null) {
            return Optional.empty();
        }
        p.require(c.topic() != null && !c.topic().isEmpty(), "contradiction.topic", "a contradiction needs topic words");
        p.require(c.early() != null && c.late() != null, "contradiction", "a contradiction needs an early and a late statement");
        int from = c.from() == null ? 4 : c.from();
        p.require(from >= 2, "contradiction.from", "must be 2 or more, was " + from);
        return Optional.of(new Persona.Contradiction(c.topic(), c.early(), c.late(), from));
    }

    static void require(boolean ok, String source, String text, String field, String problem) {
        if (!ok) {
            throw YamlLocator.error(source, text, field, problem);
        }
    }
}
