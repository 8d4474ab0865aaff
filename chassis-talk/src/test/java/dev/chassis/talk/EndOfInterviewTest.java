package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With time left, an interview ends only when every priority objective was explored by the person's answers; until then it
 * takes the shallow one up again, and when nothing is left to take up it says which stays shallow. The answers are written by
 * hand, in French and German.
 */
class EndOfInterviewTest {

    private static Briefing musique() {
        return new Briefing("Comprendre comment une école de musique organise sa semaine.", "fr", List.of("fr"), Duration.ofMinutes(12),
                List.of(new Objective("semaine", "La semaine de cours", "Comment les cours, les salles et les professeurs sont répartis dans la semaine.",
                                5, 0.5, List.of("Comment organisez-vous les cours d'une semaine habituelle ?",
                                        "Qu'est-ce qui vous complique le plus la tâche dans cette organisation ?"),
                                List.of("Pouvez-vous me raconter la dernière fois que c'est arrivé ?"), List.of("cours", "semaine", "salle")),
                        new Objective("parents", "Les échanges avec les familles", "Comment l'école prévient les familles et encaisse les inscriptions.",
                                4, 0.5, List.of("Comment communiquez-vous avec les familles des élèves ?",
                                        "Si vous pouviez changer une seule chose dans ces échanges, laquelle serait-ce ?"),
                                List.of(), List.of("famille", "parents", "paiement"))),
                Map.of(), List.of(), List.of(), "J'aimerais comprendre comment se passe une semaine dans votre école.");
    }

    /** Time for the monitors behind a reply to land, as after a person's pause. */
    private static void settle() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Session open(Briefing b) {
        TalkHarness h = Fixtures.harness().build();
        Session s = h.open(h.stage(b));
        s.open(t -> { }).join();
        return s;
    }

    /** Answers in turn (the last one again and again) until the interviewer wraps up; every directive, in order. */
    private static List<Directive> interview(Session s, List<String> answers, int most) {
        List<Directive> out = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            TurnRecord r = s.respond(answers.get(Math.min(i, answers.size() - 1)), t -> { }).join();
            settle();
            out.add(r.directive());
            if (r.directive() instanceof Directive.WrapUp) {
                break;
            }
        }
        return out;
    }

    @Test
    void a_priority_objective_answered_once_is_taken_up_again_by_name_before_the_end() {
        String families = "Les parents m'écrivent directement sur mon portable, à n'importe quelle heure, et certains paient encore par chèque.";
        try (Session s = open(musique())) {
            // The person answers what is asked: the week in substance, the families once, then nothing more on them.
            List<String> week = new ArrayList<>(List.of(
                    "C'est la directrice qui me donne mes créneaux. J'ai douze élèves et je fais les cours dans la petite salle du fond.",
                    "Je fais aussi des stages pendant les vacances scolaires, toujours dans la même petite salle du fond, sans fenêtre.",
                    "Les salles. On se les dispute tout le temps, et il n'y a qu'un seul ampli qui marche correctement dans toute l'école."));
            List<String> parents = new ArrayList<>(List.of(families, "Bof."));
            List<TurnRecord> rs = new ArrayList<>();
            for (int i = 0; i < 12 && !(rs.isEmpty() ? false : rs.getLast().directive() instanceof Directive.WrapUp); i++) {
                String asked = s.state().transcript().getLast().text();
                boolean onParents = asked.contains("familles") || asked.contains("échanges") || asked.contains("portable");
                List<String> mine = onParents ? parents : week;
                rs.add(s.respond(mine.size() > 1 ? mine.removeFirst() : "Je sais pas.", t -> { }).join());
                settle();
            }
            // Not their words quoted back (the take-ups of session 12 that no answer counted for): the topic named, and a
            // question from an angle of its own.
            assertThat(rs).as("turns").anySatisfy(r -> {
                assertThat(r.directive()).isInstanceOfSatisfying(Directive.Deepen.class, m -> assertThat(m.objectiveId()).isEqualTo("parents"));
                assertThat(r.reply()).contains("Les échanges avec les familles :");
            });
        }
    }

    @Test
    void an_interview_ended_early_with_a_priority_objective_shallow_says_which_in_its_events() {
        try (Session s = open(musique())) {
            List<Directive> ds = interview(s, List.of(
                    "C'est la directrice qui me donne mes créneaux. J'ai douze élèves et je fais les cours dans la petite salle du fond.",
                    "Les salles. On se les dispute tout le temps, et il n'y a qu'un seul ampli qui marche correctement dans toute l'école.",
                    "Franchement, ça dépend des semaines.", "Bof.", "Je sais pas."), 60);
            assertThat(ds.getLast()).isInstanceOfSatisfying(Directive.WrapUp.class,
                    w -> assertThat(w.reason()).contains("parents").contains("stays shallow"));
        }
    }

    @Test
    void an_off_topic_answer_does_not_make_an_objective_deep_enough() {
        // Two long answers to the families' questions, both about the weather and the tram: nothing on families.
        try (Session s = open(musique())) {
            List<Directive> ds = interview(s, List.of(
                    "C'est la directrice qui me donne mes créneaux. J'ai douze élèves et je fais les cours dans la petite salle du fond.",
                    "Les salles. On se les dispute tout le temps, et il n'y a qu'un seul ampli qui marche correctement dans toute l'école.",
                    "Le tram était encore en panne ce matin, il a fallu marcher sous la pluie jusqu'à la place Bellecour.",
                    "Il pleut depuis trois jours à Lyon, les gens ont le moral dans les chaussettes et moi aussi d'ailleurs.",
                    "Bof."), 60);
            assertThat(ds.getLast()).isInstanceOfSatisfying(Directive.WrapUp.class,
                    w -> assertThat(w.reason()).doesNotContain("deeply enough").contains("parents"));
        }
    }

    private static Briefing library() {
        return new Briefing("Understand how volunteers run a small neighbourhood library.", "en", List.of("en"), Duration.ofMinutes(25),
                List.of(new Objective("week", "A week at the library", "How a normal week runs and what takes the most time.", 5, 0.6,
                                List.of("How does a normal week at the library run?", "What takes up most of your time?"), List.of(),
                                List.of("week", "opening", "books")),
                        new Objective("volunteers", "Volunteers", "How volunteers are found and what happens when one leaves.", 4, 0.4,
                                List.of("How do you find volunteers?", "What happens when a volunteer suddenly quits?"), List.of(),
                                List.of("volunteer", "rota", "quit"))),
                Map.of(), List.of(), List.of(), "I'd like to understand how you run the library.");
    }

    @Test
    void a_restatement_to_a_titles_angle_is_followed_by_one_question_in_the_guides_own_words_then_the_objective_is_left() {
        // The week: one account, then the same stock line to every question on it. The volunteers: one account, then "I don't
        // know". The volunteers are taken up first in the guide's words, so the week is asked from its title's angle next, and
        // answered with the stock line again: before it is left, it is asked once in the guide's words for it, and no more.
        String stock = "Well, you know how it is around here, people help out wherever they can.";
        List<String> week = new ArrayList<>(List.of("We open four afternoons a week and on Saturday morning there is a picture book reading."));
        List<String> volunteers = new ArrayList<>(List.of("Mostly I find volunteers among the parents who come in with their kids, at the desk."));
        List<Directive.Deepen> onWeek = new ArrayList<>();
        try (Session s = open(library())) {
            String on = "week"; // what the last question asked about: the opening asks about the week
            for (int i = 0; i < 40; i++) {
                List<String> mine = on.equals("volunteers") ? volunteers : week;
                String answer = mine.isEmpty() ? (mine == week ? stock : "I don't know.") : mine.removeFirst();
                TurnRecord r = s.respond(answer, t -> { }).join();
                settle();
                on = r.directive().objective().orElse(on);
                if (r.directive() instanceof Directive.Deepen m && m.objectiveId().equals("week")) {
                    onWeek.add(m);
                }
                if (r.directive() instanceof Directive.WrapUp) {
                    break;
                }
            }
        }
        assertThat(onWeek).as("take-ups on the week").hasSize(2);
        assertThat(onWeek.getFirst().angle()).isNotEqualTo(Angle.ABOUT);
        assertThat(onWeek.getLast().angle()).isEqualTo(Angle.ABOUT);
        assertThat(onWeek.getLast().topic()).isEqualTo("How a normal week runs");
        assertThat(onWeek.getLast().why()).contains("answered with what was said before");
    }

    @Test
    void a_short_answer_made_long_by_an_aside_is_not_deep_and_the_objective_is_taken_up_again() {
        // The volunteers answered twice in under eight words each, each time with an aside about a grandson that shares nothing
        // with the question or the answer: long answers, thin on the volunteers.
        String aside = " By the way, my grandson just passed his driving test, we are all so proud of him.";
        List<String> week = new ArrayList<>(List.of(
                "We open four afternoons a week and on Saturday morning there is a picture book reading for the little ones.",
                "Sorting donated books and putting labels on them, whole boxes of them arrive at once and it takes hours."));
        List<String> volunteers = new ArrayList<>(List.of("We find volunteers through the parents." + aside,
                "When one quits, I cover the shift myself." + aside));
        List<Directive> ds = new ArrayList<>();
        try (Session s = open(library())) {
            String on = "week";
            for (int i = 0; i < 12 && (ds.isEmpty() || !(ds.getLast() instanceof Directive.WrapUp)); i++) {
                List<String> mine = on.equals("volunteers") ? volunteers : week;
                TurnRecord r = s.respond(mine.isEmpty() ? "I don't know." : mine.removeFirst(), t -> { }).join();
                settle();
                on = r.directive().objective().orElse(on);
                ds.add(r.directive());
            }
        }
        assertThat(ds).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Directive.Deepen.class,
                m -> assertThat(m.objectiveId()).isEqualTo("volunteers")));
    }

    @Test
    void every_priority_objective_explored_the_end_says_so() {
        Briefing b = new Briefing("Verstehen, wie eine Schreinerei Aufträge plant.", "de", List.of("de"), Duration.ofMinutes(20),
                List.of(new Objective("auftraege", "Aufträge", "Wie Aufträge angenommen und die Woche geplant wird.", 5, 1.0,
                        List.of("Wie nehmen Sie neue Aufträge an?", "Wie planen Sie die Woche in der Werkstatt?"), List.of(), List.of("auftrag", "woche"))),
                Map.of(), List.of(), List.of(), "Danke, dass Sie sich Zeit nehmen.");
        try (Session s = open(b)) {
            List<Directive> ds = interview(s, List.of(
                    "Die meisten Aufträge kommen per Telefon, ich schreibe sie in ein Heft und rufe am Abend zurück, wenn die Maschinen aus sind.",
                    "Die Woche plane ich am Montagmorgen an der Tafel in der Werkstatt, jeder Geselle bekommt seine Aufträge mit Terminen.",
                    "Das wars eigentlich."), 8);
            assertThat(ds.getLast()).isInstanceOfSatisfying(Directive.WrapUp.class,
                    w -> assertThat(w.reason()).contains("deeply enough"));
        }
    }
}
