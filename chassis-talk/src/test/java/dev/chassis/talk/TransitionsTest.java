package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the demo showed: "Let's move to another topic. How often do you use the app these days?" right after two statements
 * on how often were put to the person, and "On a different note: What did you expect to happen at that point?", a guide
 * follow-up asked on another objective than the one just talked about, where "that point" is nothing just said. After a
 * put-back the next question comes without a stock transition; a follow-up on an earlier objective is taken back to the
 * person's own words there. Conversations written by hand in English, Spanish, Polish and Japanese.
 */
class TransitionsTest {

    /** Time for the monitors behind a reply to land, as after a person's pause. */
    private static void settle(Session s) {
        assertThat(s.settle(Duration.ofSeconds(30))).isTrue();
    }

    /** Two objectives: the first with one question, so that after its answer the interview moves to the second. */
    private static Briefing twoTopics(String language, String[] first, String[] second, String firstProbe) {
        return new Briefing("Hand-written study", language, List.of(language), Duration.ofMinutes(20),
                List.of(new Objective("first", first[0], first[1], 5, 0.5, List.of(first[2]),
                                firstProbe.isEmpty() ? List.of() : List.of(firstProbe), List.of()),
                        new Objective("second", second[0], second[1], 4, 0.5, List.of(second[2]), List.of(), List.of())),
                Map.of(), List.of(), List.of(), first[3]);
    }

    /** A monitor that puts two of the person's statements against each other once, on the first answer. */
    private static Monitor contradictionOnFirstAnswer(String earlier, String later) {
        Claim a = new Claim(1, earlier, List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("daily"),
                Optional.empty(), "first", Optional.empty());
        Claim b = new Claim(1, later, List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("weekly"),
                Optional.empty(), "first", Optional.empty());
        return new Monitor() {
            public String name() {
                return "hand-written-pair";
            }

            public List<Signal> observe(TurnView turn, SessionState snapshot) {
                return turn.turn() == 1 ? List.of(new Signal.Contradiction(turn.turn(), name(), a, b, "frequency", "written by hand"))
                        : List.of();
            }
        };
    }

    /** The directive after the put-back, with its words. */
    private static TurnRecord afterPutBack(Briefing b, String earlier, String later, List<String> answers) {
        TalkHarness h = Fixtures.harness().addMonitor(contradictionOnFirstAnswer(earlier, later)).build();
        try (Session s = h.open(h.stage(b))) {
            s.open(t -> { }).join();
            boolean clarified = false;
            for (String answer : answers) {
                TurnRecord r = s.respond(answer, t -> { }).join();
                settle(s);
                if (clarified) {
                    return r;
                }
                clarified = r.directive() instanceof Directive.Clarify;
            }
            throw new AssertionError("the two statements were never put to the person");
        }
    }

    @Test
    void after_a_put_back_the_next_question_comes_without_a_stock_transition() {
        Briefing en = twoTopics("en", new String[] {"Getting started", "How they set up the app", "How did you set up the app?",
                "Thanks for joining."}, new String[] {"Everyday use", "How often and when they use it", "How often do you use the app these days?"}, "");
        TurnRecord r = afterPutBack(en, "I open it every day", "I rarely use it, maybe once a week now", List.of(
                "I set it up on a Sunday evening. I open it every day, first thing. To be honest I rarely use it, maybe once a week now.",
                "Well, one client almost left over a leaked draft because of the permissions, we fixed it but it was close.",
                "Mostly in the mornings when I plan the day."));
        assertThat(r.directive()).isInstanceOfSatisfying(Directive.Ask.class, a -> assertThat(a.objectiveId()).isEqualTo("second"));
        assertThat(r.reply()).contains("How often do you use the app these days?")
                .doesNotContainIgnoringCase("another topic").doesNotContainIgnoringCase("something else")
                .doesNotContainIgnoringCase("different note").doesNotContainIgnoringCase("switching topics")
                .doesNotContainIgnoringCase("another area").doesNotContainIgnoringCase("something different");

        Briefing es = twoTopics("es", new String[] {"Los comienzos", "Cómo abrieron la tienda en línea",
                "¿Cómo pusieron en marcha la tienda en línea?", "Gracias por su tiempo."},
                new String[] {"El uso diario", "Con qué frecuencia la usan", "¿Con qué frecuencia revisa los pedidos hoy en día?"}, "");
        TurnRecord e = afterPutBack(es, "reviso los pedidos todos los días", "casi nunca miro los pedidos, una vez por semana", List.of(
                "La montó mi sobrino en un fin de semana. Reviso los pedidos todos los días. Aunque, la verdad, casi nunca miro los pedidos, una vez por semana.",
                "Es que mi sobrino se encarga de casi todo y yo solo preparo los paquetes por la tarde.",
                "Por las mañanas, antes de abrir."));
        assertThat(e.directive()).isInstanceOf(Directive.Ask.class);
        assertThat(e.reply()).contains("¿Con qué frecuencia revisa los pedidos hoy en día?")
                .doesNotContainIgnoringCase("otro tema").doesNotContainIgnoringCase("otra cosa").doesNotContainIgnoringCase("de tema")
                .doesNotContainIgnoringCase("otro aspecto");
    }

    /** Answers in turn until the guide's follow-up {@code probe} is asked; every reply, with what the person said before it. */
    private static List<TurnRecord> untilAsked(Briefing b, List<String> answers, String probe) {
        TalkHarness h = Fixtures.harness().build();
        List<TurnRecord> out = new ArrayList<>();
        try (Session s = h.open(h.stage(b))) {
            s.open(t -> { }).join();
            for (int i = 0; i < 12; i++) {
                TurnRecord r = s.respond(answers.get(Math.min(i, answers.size() - 1)), t -> { }).join();
                settle(s);
                out.add(r);
                if (r.reply().contains(probe) || r.directive() instanceof Directive.WrapUp) {
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void a_guide_follow_up_on_an_earlier_objective_is_taken_back_to_the_persons_words_there() {
        String probe = "Czy może Pani opowiedzieć o ostatnim razie, kiedy tak było?";
        Briefing pl = twoTopics("pl", new String[] {"Tydzień w klubie", "Jak wygląda tydzień treningów i meczów w klubie",
                "Jak wygląda zwykły tydzień w Pani klubie?", "Dziękuję za rozmowę."},
                new String[] {"Pieniądze klubu", "Składki, sponsorzy i dotacje", "Skąd klub bierze pieniądze na sprzęt i wyjazdy?"}, probe);
        String week = "We wtorki i czwartki prowadzę treningi juniorów na boisku przy szkole, a w soboty jeździmy autokarem na mecze ligowe.";
        String weekMore = "Cały tydzień w klubie kręci się wokół treningów, a w niedzielę wpisuję obecność do zeszytu, bo zawsze ktoś czegoś zapomni.";
        List<TurnRecord> rs = untilAsked(pl, List.of(week, weekMore,
                "Głównie ze składek rodziców, trochę dokłada gmina z dotacji na sport, a sponsor daje nam koszulki.",
                "Nie wiem, trudno powiedzieć."), probe);
        TurnRecord asked = rs.getLast();
        assertThat(asked.reply()).as("the guide's follow-up is asked").contains(probe);
        // Asked after the money had been talked about: on the week again, so it goes back to what she said of her week.
        assertThat(asked.directive()).isInstanceOfSatisfying(Directive.Probe.class, p -> {
            assertThat(p.objectiveId()).isEqualTo("first");
            assertThat(p.quote()).isNotBlank();
            assertThat(week + " " + weekMore).contains(p.quote());
        });
        assertThat(asked.reply()).doesNotContain("Inna sprawa").doesNotContain("coś innego").doesNotContain("innego tematu");

        String jaProbe = "そのとき、どうなると思っていましたか？";
        Briefing ja = twoTopics("ja", new String[] {"練習の一週間", "クラブの練習と試合の一週間", "クラブの普段の一週間はどんな感じですか？",
                "お時間をいただきありがとうございます。"},
                new String[] {"クラブのお金", "会費、スポンサー、補助金", "用具や遠征のお金はどこから出ていますか？"}, jaProbe);
        String jaWeek = "火曜と木曜の夜に小学校の体育館で子どもたちの練習を見ていて、土曜日はマイクロバスで試合に行きます。";
        String jaWeekMore = "土曜日の試合のあとは体育館の片付けをして、日曜日に練習の出欠をノートにまとめています。";
        List<TurnRecord> jr = untilAsked(ja, List.of(jaWeek, jaWeekMore,
                "ほとんどは保護者の会費で、市の補助金が少しと、地元の工務店がユニフォームを出してくれています。",
                "よくわかりません。"), jaProbe);
        TurnRecord jaAsked = jr.getLast();
        assertThat(jaAsked.reply()).as("the guide's follow-up is asked").contains(jaProbe);
        assertThat(jaAsked.directive()).isInstanceOfSatisfying(Directive.Probe.class, p -> {
            assertThat(p.objectiveId()).isEqualTo("first");
            assertThat(p.quote()).isNotBlank();
            assertThat(jaWeek + jaWeekMore).contains(p.quote());
        });
        assertThat(jaAsked.reply()).doesNotContain("話は変わりますが").doesNotContain("別のこと").doesNotContain("次の話題");
    }
}
