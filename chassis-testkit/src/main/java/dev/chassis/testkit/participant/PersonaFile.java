package dev.chassis.testkit.participant;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.input.YamlLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a persona from YAML, every problem located by file, line and field. See {@code examples/personas/}. */
public final class PersonaFile {

    record File(String name, String language, Map<String, String> background, List<TopicFile> answers, List<TopicFile> facts,
                List<String> general, List<String> fillers, ContradictionFile contradiction, SwitchFile switchLanguage,
                TopicFile emotional, EngagementFile engagement, Double paceSeconds, Boolean lowEffort) { }

    record TopicFile(List<String> topic, List<String> say) { }

    record ContradictionFile(List<String> topic, String early, String late, Integer from) { }

    record SwitchFile(Integer from, String to, List<String> say) { }

    record EngagementFile(Double start, Double longQuestion, Double leading, Double doubleBarrelled, Double repeated, Double shortWarm,
                          Double fillerBelow) { }

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
        require(f.name() != null && !f.name().isBlank(), source, text, "name", "a persona needs a name");
        List<Persona.Topic> answers = topics(f.answers(), "answers", source, text);
        require(!answers.isEmpty() || f.general() != null && !f.general().isEmpty(), source, text, "answers",
                "a persona needs answers by topic or general answers");
        Optional<Persona.Contradiction> contradiction = Optional.empty();
        if (f.contradiction() != null) {
            ContradictionFile c = f.contradiction();
            require(c.topic() != null && !c.topic().isEmpty(), source, text, "contradiction.topic", "a contradiction needs topic words");
            require(c.early() != null && c.late() != null, source, text, "contradiction", "a contradiction needs an early and a late statement");
            int from = c.from() == null ? 4 : c.from();
            require(from >= 2, source, text, "contradiction.from", "must be 2 or more, was " + from);
            contradiction = Optional.of(new Persona.Contradiction(c.topic(), c.early(), c.late(), from));
        }
        Optional<Persona.LanguageSwitch> sw = Optional.empty();
        if (f.switchLanguage() != null) {
            SwitchFile s = f.switchLanguage();
            require(s.to() != null && s.to().matches("[a-z]{2}"), source, text, "switchLanguage.to", "a two-letter language code, e.g. de");
            require(s.say() != null && !s.say().isEmpty(), source, text, "switchLanguage.say", "lines to say in the other language");
            sw = Optional.of(new Persona.LanguageSwitch(s.from() == null ? 3 : s.from(), s.to(), s.say()));
        }
        EngagementFile e = f.engagement();
        Persona.Engagement d = Persona.Engagement.DEFAULT;
        Persona.Engagement engagement = e == null ? d : new Persona.Engagement(or(e.start(), d.start()), or(e.longQuestion(), d.longQuestion()),
                or(e.leading(), d.leading()), or(e.doubleBarrelled(), d.doubleBarrelled()), or(e.repeated(), d.repeated()),
                or(e.shortWarm(), d.shortWarm()), or(e.fillerBelow(), d.fillerBelow()));
        require(engagement.start() >= 0 && engagement.start() <= 1, source, text, "engagement.start", "must be between 0 and 1");
        double pace = f.paceSeconds() == null ? 4 : f.paceSeconds();
        require(pace >= 0 && pace <= 120, source, text, "paceSeconds", "must be between 0 and 120, was " + pace);
        Optional<Persona.Topic> emotional = f.emotional() == null ? Optional.empty()
                : Optional.of(topics(List.of(f.emotional()), "emotional", source, text).getFirst());
        return new Persona(id, f.name(), f.language() == null ? "en" : f.language(), f.background() == null ? Map.of() : f.background(),
                answers, topics(f.facts(), "facts", source, text), f.general() == null ? List.of() : f.general(),
                f.fillers() == null || f.fillers().isEmpty() ? List.of("I don't know.", "Not sure.", "Hm, maybe.") : f.fillers(),
                contradiction, sw, emotional, engagement, Duration.ofMillis((long) (pace * 1000)), Boolean.TRUE.equals(f.lowEffort()));
    }

    private static List<Persona.Topic> topics(List<TopicFile> files, String field, String source, String text) {
        List<Persona.Topic> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (int i = 0; i < files.size(); i++) {
            TopicFile t = files.get(i);
            require(t.topic() != null && !t.topic().isEmpty(), source, text, field + "[" + i + "].topic", "topic words are required");
            require(t.say() != null && !t.say().isEmpty(), source, text, field + "[" + i + "].say", "at least one line to say is required");
            out.add(new Persona.Topic(t.topic(), t.say()));
        }
        return out;
    }

    private static double or(Double v, double d) {
        return v == null ? d : v;
    }

    private static void require(boolean ok, String source, String text, String field, String problem) {
        if (!ok) {
            throw YamlLocator.error(source, text, field, problem);
        }
    }


}
