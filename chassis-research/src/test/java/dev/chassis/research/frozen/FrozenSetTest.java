package dev.chassis.research.frozen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.interview.Interview;
import dev.chassis.research.interview.Interviewer;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.stage.Objective;
import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The frozen evaluation set ({@code src/test/resources/frozen}, see its README) is read through the real
 * guide and persona parsers, keeps the shape it was written with, and can be interviewed. It checks the
 * set, never the interviewer: no score here depends on how well the interviewer does.
 */
class FrozenSetTest {

    private static final Path FROZEN = frozen();
    private static final OfflineModel OFFLINE = OfflineModel.builder().pacing(Pacing.INSTANT).build();

    @Test
    void every_guide_and_persona_loads_and_each_persona_folder_belongs_to_a_guide_in_its_language() {
        Map<String, Guide> guides = guides();
        Map<String, List<Persona>> personas = personas();
        assertThat(guides).hasSizeGreaterThanOrEqualTo(3);
        assertThat(personas.keySet()).as("every persona folder is named after a guide").isSubsetOf(guides.keySet());
        for (Guide g : guides.values()) {
            assertThat(g.duration().toMinutes()).as(g.source()).isBetween(15L, 25L);
            assertThat(g.objectives()).as(g.source()).hasSizeBetween(4, 6);
            assertThat(g.objectives()).as(g.source()).allSatisfy(o -> assertThat(o.questions()).isNotEmpty());
            assertThat(g.objectives()).as(g.source()).anySatisfy(o -> assertThat(o.probes()).isNotEmpty());
        }
        personas.forEach((guide, list) -> list.forEach(p -> assertThat(p.language())
                .as("%s is interviewed with the text of %s", p.id(), guide).isEqualTo(guides.get(guide).language())));
    }

    @Test
    void the_set_keeps_the_behaviours_it_was_written_to_cover() {
        List<Persona> all = personas().values().stream().flatMap(List::stream).toList();
        Set<String> languages = new TreeSet<>();
        all.forEach(p -> languages.add(p.language()));
        assertThat(all).hasSizeGreaterThanOrEqualTo(14);
        assertThat(languages).hasSizeGreaterThanOrEqualTo(8);
        assertThat(all).filteredOn(p -> p.languageSwitch().isPresent()).isNotEmpty();
        assertThat(all).filteredOn(p -> p.codeSwitch().isPresent()).isNotEmpty();
        assertThat(all).filteredOn(p -> p.contradiction().isPresent()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(all).filteredOn(p -> p.emotional().isPresent()).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(p -> !p.language().equals("en"));
        assertThat(all).anyMatch(p -> p.style().effort() == Persona.Effort.LOW);
        assertThat(all).anyMatch(p -> p.style().effort() == Persona.Effort.FRAUDULENT);
        assertThat(all).anyMatch(p -> p.drift().isPresent());
        assertThat(all).anyMatch(p -> !p.refusals().isEmpty());
        assertThat(all).filteredOn(p -> p.style().effort() == Persona.Effort.NORMAL)
                .allSatisfy(p -> assertThat(p.lines().facts()).as(p.id() + " has hidden facts").isNotEmpty());
    }

    /**
     * Each persona hears its guide: asked an objective's questions as written (each objective from a fresh
     * start, so that one hard moment does not colour the rest), a participant who puts in effort answers
     * most objectives from its own lines rather than with a general remark, and gives away no hidden fact:
     * those take a follow-up.
     */
    @Test
    void asked_only_the_guides_questions_each_persona_answers_on_topic_and_keeps_its_hidden_facts() {
        Map<String, Guide> guides = guides();
        List<String> problems = new ArrayList<>();
        personas().forEach((name, list) -> {
            Guide guide = guides.get(name);
            for (Persona p : list) {
                if (p.style().effort() != Persona.Effort.NORMAL) {
                    continue;
                }
                int heard = 0;
                for (Objective o : guide.objectives()) {
                    SyntheticParticipant participant = new SyntheticParticipant(p, 1);
                    boolean onTopic = false;
                    for (String q : o.questions()) {
                        AnswerNote note = note(participant, q);
                        onTopic |= !note.is(AnswerNote.Kind.GENERAL) && !note.is(AnswerNote.Kind.FILLER);
                        if (note.is(AnswerNote.Kind.FACT)) {
                            problems.add(p.id() + ": hidden fact " + note.fact().getAsInt() + " came out without a follow-up, at: " + q);
                        }
                    }
                    heard += onTopic ? 1 : 0;
                }
                if (heard < (guide.objectives().size() + 1) / 2) {
                    problems.add(p.id() + ": only " + heard + " of " + guide.objectives().size() + " objectives of " + name + " answered on topic");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    /** A hidden fact can be dug up: one of its words starts a word somewhere in what the persona says on its topics. */
    @Test
    void every_hidden_fact_is_within_reach_of_a_follow_up_on_the_personas_own_words() {
        List<String> problems = new ArrayList<>();
        for (Persona p : personas().values().stream().flatMap(List::stream).toList()) {
            List<Persona.Lines> languages = new ArrayList<>(List.of(p.lines()));
            p.languageSwitch().flatMap(Persona.LanguageSwitch::lines).ifPresent(languages::add);
            for (Persona.Lines lines : languages) {
                String said = String.join(" ", lines.answers().stream().flatMap(t -> t.say().stream()).toList()).toLowerCase(Locale.ROOT);
                for (Persona.Topic fact : lines.facts()) {
                    if (fact.keywords().stream().noneMatch(k -> startsAWord(said, k.toLowerCase(Locale.ROOT)))) {
                        problems.add(p.id() + ": nothing it says leads to the fact '" + fact.say().getFirst() + "'");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void one_simulated_interview_per_guide_runs_in_the_personas_language() {
        Map<String, Guide> guides = guides();
        personas().forEach((name, list) -> {
            Persona p = list.stream().filter(x -> x.style().effort() == Persona.Effort.NORMAL).findFirst().orElse(list.getFirst());
            Interviewer interviewer = new Interviewer(guides.get(name),
                    clock -> TalkHarness.builder().model(OFFLINE).fallback(OFFLINE).clock(clock).build());
            SyntheticParticipant participant = new SyntheticParticipant(p, 1);
            Interview interview = interviewer.simulate(participant, "frozen-" + name, SessionEvents.NONE);
            assertThat(interviewer.languageFor(p.language())).as("%s starts in its own language", p.id()).isEqualTo(p.language());
            assertThat(interview.transcript().turns()).as(p.id())
                    .filteredOn(t -> t.speaker() == Speaker.PARTICIPANT).hasSizeGreaterThanOrEqualTo(3);
            assertThat(participant.notes()).as("%s answered something of its own", p.id()).anyMatch(AnswerNote::substantive);
        });
    }

    private static boolean startsAWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static AnswerNote note(SyntheticParticipant participant, String question) {
        participant.answer(question);
        return participant.notes().getLast();
    }

    private static Map<String, Guide> guides() {
        Map<String, Guide> out = new TreeMap<>();
        for (Path f : yaml(FROZEN.resolve("guides"))) {
            out.put(f.getFileName().toString().replaceFirst("\\.yaml$", ""), GuideFile.load(f));
        }
        return out;
    }

    /** The personas by the guide they are written for (their folder's name). */
    private static Map<String, List<Persona>> personas() {
        Map<String, List<Persona>> out = new TreeMap<>();
        try (Stream<Path> folders = Files.list(FROZEN.resolve("personas"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                List<Persona> list = new ArrayList<>();
                yaml(folder).forEach(f -> list.add(PersonaFile.load(f)));
                assertThat(list).as("personas in " + folder).isNotEmpty();
                out.put(folder.getFileName().toString(), list);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static List<Path> yaml(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path frozen() {
        try {
            return Path.of(FrozenSetTest.class.getResource("/frozen").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
