package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A drop in engagement read in one answer lands behind the reply to it (the monitors run after the reply is on its way), so
 * it is steering's for the answer after. When that answer is rich again, "in a sentence or two" would cut off what the
 * person just opened up: in a Russian development interview the notebook by the till (where the hidden fact was) was never
 * followed up. A drop read on the answer just given still shortens the next question.
 */
class LateDropTest {

    private static Briefing briefing(String language) {
        boolean ru = language.equals("ru");
        return new Briefing(ru ? "Понять, как небольшие мастерские планируют неделю." : "Learn how small workshops plan their week.",
                language, List.of(language), Duration.ofMinutes(20),
                List.of(new Objective("week", ru ? "Неделя" : "The week", ru ? "Как распределяется работа" : "How the work is spread", 5, 0.5,
                                ru ? List.of("Как обычно проходит ваша рабочая неделя?", "Что было самым трудным за последний год?",
                                        "Кто помогает вам в работе?")
                                        : List.of("How does a normal working week go?", "What was the hardest part of the last year?",
                                        "Who helps you with the work?"),
                                List.of(), ru ? List.of("неделя", "работа") : List.of("week", "work")),
                        new Objective("orders", ru ? "Заказы" : "Orders", ru ? "Как ведутся заказы" : "How orders are kept", 4, 0.5,
                                List.of(ru ? "Как вы ведёте заказы клиентов?" : "How do you keep track of customer orders?"), List.of(),
                                ru ? List.of("заказ", "клиент") : List.of("order", "customer"))),
                Map.of(), List.of(), List.of(), ru ? "Спасибо, что нашли время." : "Thanks for your time.");
    }

    private static void settle(Session s) {
        assertThat(s.settle(Duration.ofSeconds(30))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | We open at eight, the two of us take the cars in the order they came and the bigger jobs wait for the Friday. | In spring the queue for tyres runs a whole week ahead, so we take bookings by phone and tell people to come early. | Depends. | I write every customer into a big notebook by the till, and the parts I order through a chat with a supplier I know.
            ru | Открываемся в восемь, вдвоём берём машины по очереди, а крупный ремонт оставляем на пятницу. | Весной очередь на шиномонтаж на неделю вперёд, поэтому записываем по телефону и просим приезжать пораньше. | Зависит. | Клиентов записываю в большую тетрадь у кассы, а запчасти заказываю через мессенджер у знакомого поставщика.
            """)
    void aDropReadInTheAnswerBeforeDoesNotShortenTheReplyToARichAnswer(String language, String first, String second, String thin,
                                                                      String rich) {
        TalkHarness h = Fixtures.harness().build();
        try (Session s = h.open(h.stage(briefing(language)))) {
            s.open(t -> { }).join();
            for (String answer : List.of(first, second, thin)) {
                s.respond(answer, t -> { }).join();
                settle(s); // the drop read in the thin answer lands now, for the reply to the next one
            }
            assertThat(s.state().pending()).anyMatch(Signal.EngagementDropped.class::isInstance);
            TurnRecord r = s.respond(rich, t -> { }).join();
            // Followed up on their words: the notebook by the till is where a researcher would ask on.
            assertThat(r.directive()).as(language).isInstanceOf(Directive.Probe.class);
            assertThat(((Directive.Probe) r.directive()).quote()).as(language).isNotEmpty();
        }
    }
}
