package dev.chassis.testkit.participant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.testkit.participant.reading.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts of a persona file after binding, each checked and located (by {@link PersonaFile}). */
final class PersonaParts {

    private final String source;
    private final String text;

    PersonaParts(String source, String text) {
        this.source = source;
        this.text = text;
    }

    void require(boolean ok, String field, String problem) {
        PersonaFile.require(ok, source, text, field, problem);
    }

    List<Persona.Topic> topics(List<PersonaFile.TopicFile> files, String field) {
        List<Persona.Topic> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (int i = 0; i < files.size(); i++) {
            PersonaFile.TopicFile t = files.get(i);
            require(t != null, field + "[" + i + "]", "an entry needs topic words and lines to say");
            require(t.topic() != null && !t.topic().isEmpty(), field + "[" + i + "].topic", "topic words are required");
            require(t.say() != null && !t.say().isEmpty(), field + "[" + i + "].say", "at least one line to say is required");
            out.add(new Persona.Topic(t.topic(), lines(t.say(), field + "[" + i + "].say")));
        }
        return out;
    }

    List<String> lines(List<String> lines, String field) {
        if (lines == null) {
            return List.of();
        }
        for (int i = 0; i < lines.size(); i++) {
            require(lines.get(i) != null && !lines.get(i).isBlank(), field + "[" + i + "]", "a line to say must not be blank");
        }
        return lines;
    }

    /**
     * Topics in another language: an entry without topic words takes those of the entry at the same
     * place in the first language (its translation); with them, both sets count.
     */
    private List<Persona.Topic> translated(List<PersonaFile.TopicFile> files, List<Persona.Topic> original, String field) {
        List<Persona.Topic> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (int i = 0; i < files.size(); i++) {
            PersonaFile.TopicFile t = files.get(i);
            String at = field + "[" + i + "]";
            require(t != null && t.say() != null && !t.say().isEmpty(), at + ".say", "at least one line to say is required");
            boolean own = t.topic() != null && !t.topic().isEmpty();
            require(own || i < original.size(), at + ".topic",
                    "topic words are required: there is no entry " + i + " in the first language to take them from");
            List<String> keywords = new ArrayList<>(own ? t.topic() : List.of());
            if (i < original.size()) {
                original.get(i).keywords().stream().filter(k -> !keywords.contains(k)).forEach(keywords::add);
            }
            out.add(new Persona.Topic(keywords, lines(t.say(), at + ".say")));
        }
        return out;
    }

    Optional<Persona.LanguageSwitch> languageSwitch(PersonaFile.SwitchFile s, Persona.Lines first) {
        if (s == null) {
            return Optional.empty();
        }
        require(s.to() != null && s.to().matches("[a-z]{2}"), "switchLanguage.to", "a two-letter language code, e.g. de");
        int from = s.from() == null ? 3 : s.from();
        require(from >= 1, "switchLanguage.from", "the answer from which they switch: 1 or more, was " + from);
        boolean byTopic = s.answers() != null || s.facts() != null || s.general() != null;
        require(byTopic || s.say() != null && !s.say().isEmpty(), "switchLanguage.say",
                "lines to say in the other language (or answers by topic under switchLanguage.answers)");
        Optional<Persona.Lines> lines = Optional.empty();
        if (byTopic) {
            List<Persona.Topic> facts = translated(s.facts(), first.facts(), "switchLanguage.facts");
            require(s.facts() == null || facts.size() == first.facts().size(), "switchLanguage.facts",
                    "one per hidden fact, in the same order: " + first.facts().size() + " expected, " + facts.size() + " given");
            List<String> general = s.general() != null ? lines(s.general(), "switchLanguage.general") : lines(s.say(), "switchLanguage.say");
            List<String> fillers = s.fillers() != null ? lines(s.fillers(), "switchLanguage.fillers") : first.fillers();
            lines = Optional.of(new Persona.Lines(translated(s.answers(), first.answers(), "switchLanguage.answers"), facts, general, fillers));
        }
        Optional<Persona.Halves> halves = Optional.empty();
        if (s.contradiction() != null) {
            require(s.contradiction().early() != null && s.contradiction().late() != null, "switchLanguage.contradiction",
                    "both halves in the other language: early and late");
            halves = Optional.of(new Persona.Halves(s.contradiction().early(), s.contradiction().late()));
        }
        require(s.until() == null || s.until() >= from, "switchLanguage.until",
                "the last answer in the other language, " + from + " (from) or later, was " + s.until());
        return Optional.of(new Persona.LanguageSwitch(from, s.to(), s.say() == null ? List.of() : lines(s.say(), "switchLanguage.say"),
                lines, halves, s.until() == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(s.until())));
    }

    Optional<Persona.CodeSwitch> codeSwitch(PersonaFile.CodeSwitchFile c) {
        if (c == null) {
            return Optional.empty();
        }
        require(c.to() != null && c.to().matches("[a-z]{2}"), "codeSwitch.to", "a two-letter language code, e.g. es");
        int every = c.every() == null ? 2 : c.every();
        require(every >= 1, "codeSwitch.every", "every how many answers: 1 or more, was " + every);
        require(c.phrases() != null && !c.phrases().isEmpty(), "codeSwitch.phrases", "words or phrases in the other language");
        return Optional.of(new Persona.CodeSwitch(c.to(), every, lines(c.phrases(), "codeSwitch.phrases")));
    }

    Optional<Persona.Drift> drift(PersonaFile.DriftFile d) {
        if (d == null) {
            return Optional.empty();
        }
        int every = d.every() == null ? 3 : d.every();
        require(every >= 1, "drift.every", "every how many answers: 1 or more, was " + every);
        require(d.say() != null && !d.say().isEmpty(), "drift.say", "lines about the pet topic");
        return Optional.of(new Persona.Drift(every, lines(d.say(), "drift.say")));
    }

    Optional<Persona.Emotional> emotional(PersonaFile.EmotionalFile e) {
        if (e == null) {
            return Optional.empty();
        }
        require(e.topic() != null && !e.topic().isEmpty(), "emotional.topic", "topic words are required");
        require(e.say() != null && !e.say().isEmpty(), "emotional.say", "at least one line to say is required");
        double drop = e.drop() == null ? 0 : e.drop();
        require(drop >= 0 && drop <= 1, "emotional.drop", "engagement it costs, between 0 and 1, was " + drop);
        int answers = e.answers() == null ? 0 : e.answers();
        require(answers >= 0 && answers <= 50, "emotional.answers", "how many answers it lasts, 0 to 50, was " + answers);
        return Optional.of(new Persona.Emotional(new Persona.Topic(e.topic(), lines(e.say(), "emotional.say")), drop, answers));
    }

    List<Persona.Refusal> refusals(List<PersonaFile.RefusalFile> files) {
        List<Persona.Refusal> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (int i = 0; i < files.size(); i++) {
            PersonaFile.RefusalFile r = files.get(i);
            String at = "refuses[" + i + "]";
            require(r != null && r.topic() != null && !r.topic().isEmpty(), at + ".topic", "topic words are required");
            require(r.say() != null && !r.say().isBlank(), at + ".say", "what they say to decline");
            double reasked = r.reasked() == null ? 0.3 : r.reasked();
            require(reasked >= 0 && reasked <= 1, at + ".reasked", "engagement lost when asked again, between 0 and 1, was " + reasked);
            out.add(new Persona.Refusal(r.topic(), r.say(), reasked));
        }
        return out;
    }

    Persona.Engagement engagement(PersonaFile.EngagementFile e) {
        Persona.Engagement d = Persona.Engagement.DEFAULT;
        if (e == null) {
            return d;
        }
        Persona.Engagement out = new Persona.Engagement(share(e.start(), d.start(), "engagement.start"),
                share(e.longQuestion(), d.longQuestion(), "engagement.longQuestion"), share(e.leading(), d.leading(), "engagement.leading"),
                share(e.doubleBarrelled(), d.doubleBarrelled(), "engagement.doubleBarrelled"),
                share(e.repeated(), d.repeated(), "engagement.repeated"), share(e.shortWarm(), d.shortWarm(), "engagement.shortWarm"),
                share(e.fillerBelow(), d.fillerBelow(), "engagement.fillerBelow"));
        return out;
    }

    Persona.Reactions reactions(PersonaFile.ReactionsFile r) {
        if (r == null) {
            return Persona.Reactions.NONE;
        }
        Optional<Persona.Register> register = Optional.empty();
        if (r.register() != null && !r.register().isNull()) {
            JsonNode node = r.register();
            Double mismatch = r.wrongRegister();
            String expects;
            if (node.isObject()) { // the first form: {expects: formal, mismatch: -0.2}
                node.fieldNames().forEachRemaining(f -> require(f.equals("expects") || f.equals("mismatch"), "reactions.register",
                        "unknown field '" + f + "'; write the form of address they expect (formal or informal), and wrongRegister"));
                expects = node.path("expects").isTextual() ? node.path("expects").asText() : null;
                require(!node.has("mismatch") || node.get("mismatch").isNumber(), "reactions.register",
                        "mismatch: a change of engagement between -1 and 1");
                require(!node.has("mismatch") || mismatch == null, "reactions.wrongRegister", "given twice: keep wrongRegister");
                if (node.has("mismatch")) {
                    mismatch = node.get("mismatch").asDouble();
                }
            } else {
                expects = node.isTextual() ? node.asText() : null;
            }
            require("formal".equals(expects) || "informal".equals(expects), "reactions.register",
                    "the form of address they expect: formal or informal, was '" + (expects == null ? node.toString() : expects) + "'");
            register = Optional.of(new Persona.Register("formal".equals(expects) ? Tone.Address.FORMAL : Tone.Address.INFORMAL,
                    change(mismatch, -0.15, "reactions.wrongRegister")));
        } else {
            require(r.wrongRegister() == null, "reactions.wrongRegister", "needs reactions.register: the form of address they expect");
        }
        return new Persona.Reactions(register, change(r.empathy(), 0, "reactions.empathy"), change(r.cold(), 0, "reactions.cold"),
                change(r.specific(), 0, "reactions.specific"), change(r.ownWords(), 0, "reactions.ownWords"),
                change(r.wrongLanguage(), 0, "reactions.wrongLanguage"));
    }

    private double share(Double v, double d, String field) {
        double x = v == null ? d : v;
        require(x >= 0 && x <= 1, field, "must be between 0 and 1, was " + x);
        return x;
    }

    private double change(Double v, double d, String field) {
        double x = v == null ? d : v;
        require(x >= -1 && x <= 1, field, "a change of engagement between -1 and 1, was " + x);
        return x;
    }
}
