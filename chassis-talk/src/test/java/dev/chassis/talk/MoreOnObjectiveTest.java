package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Asking for more on an objective whose answers stayed thin, as a researcher does: from angles (what it depends on, the last
 * time, who else is involved, ...) that name the topic instead of quoting the person, each at most once per objective, so
 * nothing is asked twice; "it depends" met with "on what?"; and a person who asks to stop let go at once. The conversations
 * are written by hand, in English, Spanish and German.
 */
class MoreOnObjectiveTest {

    private static Briefing budget() {
        return new Briefing("Learn how people get started with a budgeting app.", "en", List.of("en"), Duration.ofMinutes(20),
                List.of(new Objective("start", "Getting started", "How they set up the app and what the first days were like.", 5, 0.5,
                                List.of("How did you first set up the app?", "What was the first thing you tried to do with it?"),
                                List.of(), List.of("setup", "signup", "account")),
                        new Objective("habits", "Daily habits", "How often and when they use the app.", 4, 0.4,
                                List.of("How often do you open the app these days?"), List.of("When did you last open it?"),
                                List.of("daily", "week", "routine")),
                        new Objective("wishes", "Wishes", "What they would change.", 2, 0.1,
                                List.of("If you could change one thing about the app, what would it be?"), List.of(), List.of("change"))),
                Map.of(), List.of(), List.of(), "Hi, thanks for joining.");
    }

    private static Briefing reservas() {
        return new Briefing("Entender cómo un restaurante gestiona sus reservas.", "es", List.of("es"), Duration.ofMinutes(15),
                List.of(new Objective("reservas", "Las reservas", "Cómo llegan las reservas y cómo se apuntan.", 5, 0.6,
                                List.of("¿Cómo les llegan las reservas?", "¿Qué pasa cuando alguien no se presenta?"), List.of(),
                                List.of("reserva", "mesa", "teléfono")),
                        new Objective("turnos", "Los turnos del personal", "Cómo se reparten los turnos de sala y cocina.", 4, 0.4,
                                List.of("¿Cómo organizan los turnos del personal?"), List.of(), List.of("turno", "horario"))),
                Map.of(), List.of(), List.of(), "Gracias por su tiempo.");
    }

    private static Briefing werkstatt() {
        return new Briefing("Verstehen, wie eine Schreinerei Aufträge plant.", "de", List.of("de"), Duration.ofMinutes(20),
                List.of(new Objective("auftraege", "Neue Aufträge", "Wie Aufträge angenommen und eingeplant werden.", 5, 0.6,
                                List.of("Wie nehmen Sie neue Aufträge an?", "Was passiert, wenn zu viele auf einmal kommen?"), List.of(),
                                List.of("auftrag", "kunde")),
                        new Objective("material", "Das Material", "Wie Holz und Beschläge bestellt werden.", 4, 0.4,
                                List.of("Wie bestellen Sie Ihr Material?"), List.of(), List.of("holz", "bestellen"))),
                Map.of(), List.of(), List.of(), "Danke, dass Sie sich Zeit nehmen.");
    }

    private static Session open(Briefing b) {
        TalkHarness h = Fixtures.harness().build();
        Session s = h.open(h.stage(b));
        s.open(t -> { }).join();
        return s;
    }

    /** Time for the monitors behind a reply to land, as after a person's pause. */
    private static void settle() {
        try {
            Thread.sleep(120);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answers in turn, again and again, until the interviewer wraps up (or {@code most} turns). */
    private static List<TurnRecord> interview(Session s, List<String> answers, int most) {
        List<TurnRecord> out = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            TurnRecord r = s.respond(answers.get(i % answers.size()), t -> { }).join();
            settle();
            out.add(r);
            if (r.directive() instanceof Directive.WrapUp) {
                break;
            }
        }
        return out;
    }

    @Test
    void a_low_effort_participant_is_asked_from_angle_after_angle_and_never_the_same_question_twice() {
        try (Session s = open(budget())) {
            List<TurnRecord> rs = interview(s, List.of("ok", "yes", "good", "fine", "yes good"), 60);
            List<Directive.Deepen> deepen = rs.stream().map(TurnRecord::directive).filter(Directive.Deepen.class::isInstance)
                    .map(Directive.Deepen.class::cast).toList();
            // Both priority objectives taken up, from several angles each; the one of priority 2 never.
            assertThat(deepen).extracting(Directive.Deepen::objectiveId).contains("start", "habits").doesNotContain("wishes");
            assertThat(deepen.stream().filter(m -> m.objectiveId().equals("start")).count()).isGreaterThanOrEqualTo(5);
            // An angle at most once per objective; "on what?" never, since nobody said it depends.
            Set<String> pairs = new HashSet<>();
            deepen.forEach(m -> assertThat(pairs.add(m.objectiveId() + "/" + m.angle())).as("asked again: " + m).isTrue());
            assertThat(deepen).extracting(Directive.Deepen::angle).doesNotContain(Angle.DEPENDS);
            // What the person heard: no reply twice, and every take-up names its topic rather than quoting them.
            Set<String> replies = new HashSet<>();
            rs.forEach(r -> assertThat(replies.add(r.reply())).as("said twice: " + r.reply()).isTrue());
            rs.stream().filter(r -> r.directive() instanceof Directive.Deepen m && m.objectiveId().equals("habits"))
                    .forEach(r -> assertThat(r.reply()).contains("Daily habits:").doesNotContain("\""));
            // Consecutive take-ups do not dwell on one topic: never three in a row on the same objective.
            for (int i = 2; i < deepen.size(); i++) {
                assertThat(new HashSet<>(List.of(deepen.get(i).objectiveId(), deepen.get(i - 1).objectiveId(), deepen.get(i - 2).objectiveId())))
                        .as("three in a row from " + i).hasSizeGreaterThan(1);
            }
            // Nor the same angle twice in a row on two topics: the person would hear the same question again.
            for (int i = 1; i < deepen.size(); i++) {
                assertThat(deepen.get(i).angle()).as("the same angle right after: " + deepen.get(i)).isNotEqualTo(deepen.get(i - 1).angle());
            }
            // The end, with every angle used, says what stays shallow and why it ends all the same.
            assertThat(rs.getLast().directive()).isInstanceOfSatisfying(Directive.WrapUp.class,
                    w -> assertThat(w.reason()).contains("nothing left to take up").contains("start").contains("stays shallow"));
            // Each question from an angle says, in the session's events, why the interview went on.
            assertThat(deepen).allSatisfy(m -> assertThat(m.why()).contains("stays shallow").contains("time used"));
        }
    }

    private static Briefing kluby() {
        return new Briefing("Zrozumieć, jak wolontariusze prowadzą klub sportowy.", "pl", List.of("pl"), Duration.ofMinutes(25),
                List.of(new Objective("pieniadze", "Pieniądze klubu", "Skąd klub bierze pieniądze i jakie trudne decyzje finansowe podejmował.",
                                5, 0.6, List.of("Skąd klub bierze pieniądze na sprzęt i wyjazdy?"), List.of(), List.of("pieniądze", "składki")),
                        new Objective("ludzie", "Wolontariusze", "Jak klub znajduje ludzi do pomocy.", 4, 0.4,
                                List.of("Jak znajdują Państwo ludzi do pomocy?"), List.of(), List.of("pomoc"))),
                Map.of(), List.of(), List.of(), "Dziękuję za rozmowę.");
    }

    private static Briefing foreningar() {
        return new Briefing("Förstå hur en idrottsförening drivs.", "sv", List.of("sv"), Duration.ofMinutes(25),
                List.of(new Objective("pengar", "Föreningens pengar", "Var pengarna kommer ifrån och vilka svåra beslut som fattats.",
                                5, 0.6, List.of("Var kommer pengarna till resor ifrån?"), List.of(), List.of("pengar")),
                        new Objective("ledare", "Ledare", "Hur föreningen hittar ledare, tränare och volontärer till alla lag varje säsong.", 4, 0.4,
                                List.of("Hur hittar ni ledare?"), List.of(), List.of("ledare"))),
                Map.of(), List.of(), List.of(), "Tack för att du tar dig tid.");
    }

    @Test
    void a_thin_priority_objective_is_asked_about_first_in_the_guides_own_words_for_it_cut_to_one_question() {
        // Polish and Swedish: the description's first part, before the second question it joins on, names the topic.
        for (var c : List.of(Map.entry(kluby(), "Skąd klub bierze pieniądze: co jeszcze może Pan lub Pani o tym powiedzieć?"),
                Map.entry(foreningar(), "Var pengarna kommer ifrån: vad mer kan du berätta om det?"))) {
            try (Session s = open(c.getKey())) {
                List<TurnRecord> rs = interview(s, List.of("Nie wiem.", "Tak.", "Dobrze."), 40);
                List<TurnRecord> about = rs.stream().filter(r -> r.directive() instanceof Directive.Deepen m && m.angle() == Angle.ABOUT).toList();
                assertThat(about).as(c.getValue()).anySatisfy(r -> assertThat(r.reply()).endsWith(c.getValue()));
                // Asked once per objective, and before the title's angles on it.
                String first = ((Directive.Deepen) about.getFirst().directive()).objectiveId();
                List<Directive.Deepen> onIt = rs.stream().map(TurnRecord::directive).filter(d -> d instanceof Directive.Deepen m
                        && m.objectiveId().equals(first)).map(Directive.Deepen.class::cast).toList();
                assertThat(onIt.getFirst().angle()).isEqualTo(Angle.ABOUT);
                // A description too long to name a topic (eight words in a row from the briefing would be held back as a
                // recital, and the question with them) is not used: every take-up is heard as a question.
                assertThat(rs).filteredOn(r -> r.directive() instanceof Directive.Deepen).allSatisfy(r -> assertThat(r.reply()).contains("?"));
                assertThat(about).noneSatisfy(r -> assertThat(r.reply()).contains("varje säsong"));
                assertThat(onIt.stream().filter(m -> m.angle() == Angle.ABOUT).count()).isEqualTo(1);
            }
        }
    }

    private static Briefing bakery(String language, String title, String description, String question) {
        return new Briefing("Understand how a neighbourhood bakery runs.", language, List.of(language), Duration.ofMinutes(25),
                List.of(new Objective("morning", title, description, 5, 0.7, List.of(question), List.of("?"), List.of("x")),
                        new Objective("other", "x", "", 2, 0.3, List.of(question), List.of(), List.of("y"))),
                Map.of(), List.of(), List.of(), "x");
    }

    @Test
    void a_description_is_as_long_as_the_leak_guard_counts_it_in_korean_and_hindi() {
        // Korean, written with spaces but read by steering by its characters: seven spaced words (27 characters) are a name
        // the guard lets out, and were never asked; a second question joined on by a comma is cut off first.
        for (var c : List.of(Map.entry("빵집에서 매일 아침 반죽을 누가 어떻게 준비하는지.", "빵집에서 매일 아침 반죽을 누가 어떻게 준비하는지: "),
                Map.entry("단골손님이 어떻게 생기는지, 누가 가게를 맡는지.", "단골손님이 어떻게 생기는지: "))) {
            try (Session s = open(bakery("ko", "아침 준비", c.getKey(), "아침에는 무엇을 먼저 하시나요?"))) {
                List<TurnRecord> rs = interview(s, List.of("네.", "글쎄요.", "잘 모르겠어요."), 30);
                assertThat(rs).as(c.getKey()).anySatisfy(r -> assertThat(r.reply()).contains(c.getValue()).endsWith("?"));
            }
        }
        // Hindi: six spaced words the guard splits at its vowel signs into ten, a recital it would hold back with the question.
        try (Session s = open(bakery("hi", "सुबह की तैयारी", "दुकान में दूध कहाँ से आता है।", "सुबह आप सबसे पहले क्या करते हैं?"))) {
            List<TurnRecord> rs = interview(s, List.of("हाँ।", "पता नहीं।", "ठीक है।"), 30);
            assertThat(rs).filteredOn(r -> r.directive() instanceof Directive.Deepen).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.reply()).contains("?"));
            assertThat(rs).noneSatisfy(r -> assertThat(r.reply()).contains("दूध कहाँ से"));
        }
    }

    @Test
    void a_description_that_names_no_topic_once_cut_is_not_asked_about_and_the_title_is_used_instead() {
        // "How often and when they use the app." cuts to "How often": no topic, so habits is taken up by its title only.
        try (Session s = open(budget())) {
            List<TurnRecord> rs = interview(s, List.of("ok", "yes", "good", "fine", "yes good"), 60);
            assertThat(rs).noneSatisfy(r -> assertThat(r.directive()).isInstanceOfSatisfying(Directive.Deepen.class,
                    m -> assertThat(m.objectiveId() + "/" + m.angle()).isEqualTo("habits/ABOUT")));
            assertThat(rs).anySatisfy(r -> assertThat(r.reply()).endsWith("How they set up the app: what more can you tell me about that?"));
        }
    }

    @Test
    void it_depends_is_asked_on_what_in_the_persons_language_once() {
        try (Session s = open(reservas())) {
            TurnRecord r = s.respond("Depende.", t -> { }).join();
            settle();
            assertThat(r.directive()).isInstanceOfSatisfying(Directive.Deepen.class, m -> {
                assertThat(m.angle()).isEqualTo(Angle.DEPENDS);
                assertThat(m.objectiveId()).isEqualTo("reservas");
            });
            assertThat(r.reply()).contains("Las reservas: ¿de qué depende, sobre todo?");
            // Said on what: that is an answer, followed as any other, and "on what?" is not asked again.
            List<TurnRecord> rest = interview(s, List.of("De la temporada: en verano casi todo llega por teléfono, en invierno por correo.",
                    "Depende.", "Pues depende, la verdad."), 12);
            assertThat(rest).noneSatisfy(t -> assertThat(t.directive()).isInstanceOfSatisfying(Directive.Deepen.class,
                    m -> assertThat(m.objectiveId() + m.angle()).isEqualTo("reservas" + Angle.DEPENDS)));
        }
    }

    @Test
    void a_participant_who_asks_to_stop_is_let_go_however_shallow_and_early() {
        try (Session s = open(werkstatt())) {
            TurnRecord first = s.respond("Die meisten Aufträge kommen per Telefon, ich schreibe sie in ein Heft.", t -> { }).join();
            settle();
            assertThat(first.directive()).isNotInstanceOf(Directive.WrapUp.class);
            TurnRecord r = s.respond("Tut mir leid, ich muss jetzt los.", t -> { }).join();
            assertThat(r.directive()).isInstanceOfSatisfying(Directive.WrapUp.class,
                    w -> assertThat(w.reason()).isEqualTo("the person asked to stop"));
            assertThat(r.reply()).doesNotContain("?");
        }
    }

    @Test
    void the_same_words_about_something_else_are_no_request_to_stop() {
        try (Session s = open(werkstatt())) {
            TurnRecord r = s.respond("Ich muss gehen und jeden Auftrag einzeln ins Heft schreiben, auch am Samstag.", t -> { }).join();
            assertThat(r.directive()).isNotInstanceOf(Directive.WrapUp.class);
        }
    }
}
