package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hard moment told in the same answer as a refusal, a wish to stop or a switch of language: the rule that comes first
 * keeps its job (the topic is left, the interview ends, the language follows) and the reply meets the moment with
 * sympathy before it, in the person's language; it is not acknowledged again a turn later, after a new question.
 */
class SympathyFirstTest {

    @Test
    void a_loss_told_with_a_refusal_is_met_with_sympathy_before_the_topic_is_left() {
        expectRespect("en", "My business partner died in March and I honestly don't want to talk about it.", "I'm so sorry to hear that. ");
        expectRespect("sv", "Min pappa dog i våras och det pratar jag helst inte om.", "Det är jag ledsen att höra. ");
        expectRespect("de", "Mein Vater ist im Frühjahr gestorben, darüber möchte ich nicht sprechen.", "Das tut mir sehr leid. ");
        expectRespect("ar", "توفي والدي في الربيع الماضي، ولا أريد الحديث عن ذلك.", "أنا آسف جداً لسماع ذلك. ");
        expectRespect("ja", "去年、父が亡くなりました。その話は控えたいです。", "それは本当にお辛かったですね。");
    }

    @Test
    void a_refusal_alone_gets_no_sympathy_and_a_hard_moment_alone_is_acknowledged_as_before() {
        try (Session s = session("en")) {
            TurnRecord r = s.respond("I'd rather not talk about money, if that's all right.", t -> { }).join();
            assertThat(r.directive()).isInstanceOf(Directive.Respect.class);
            assertThat(r.directive().hardMoment()).isEmpty();
            assertThat(r.reply()).doesNotContain("sorry");
            assertThat(r.directive().render()).doesNotContain("sympathy");
        }
        try (Session s = session("en")) {
            TurnRecord r = s.respond("My father died that spring and I could not cope with anything for months.", t -> { }).join();
            assertThat(r.directive()).isInstanceOf(Directive.Acknowledge.class);
            assertThat(r.directive().hardMoment()).as("the acknowledgement is the meeting itself").isEmpty();
        }
    }

    @Test
    void a_wish_to_stop_after_a_hard_moment_ends_the_interview_with_sympathy_first() {
        try (Session s = session("en")) {
            TurnRecord r = s.respond("My colleague had a breakdown in February and I still blame myself. Can we stop here?", t -> { }).join();
            assertThat(r.directive()).isInstanceOf(Directive.WrapUp.class);
            assertThat(r.reply()).startsWith("I'm so sorry to hear that. ");
            assertThat(r.directive().render()).startsWith("The person just shared something painful").contains("Wrap up now");
        }
    }

    @Test
    void a_hard_moment_told_in_a_new_language_is_met_in_that_language_as_the_interview_follows_it() {
        try (Session s = session("en", List.of("en", "es"))) {
            TurnRecord r = s.respond("Mi socio murió en marzo y desde entonces todo ha sido muy difícil para mí.", t -> { }).join();
            assertThat(r.directive()).isInstanceOf(Directive.SwitchLanguage.class);
            assertThat(r.reply()).startsWith("Siento mucho escuchar eso. ");
        }
    }

    private static void expectRespect(String language, String answer, String sympathy) {
        try (Session s = session(language)) {
            TurnRecord r = s.respond(answer, t -> { }).join();
            assertThat(r.directive()).as(language).isInstanceOf(Directive.Respect.class);
            assertThat(r.directive().hardMoment()).as(language).isPresent();
            assertThat(r.reply()).as(language).startsWith(sympathy);
            assertThat(r.directive().render()).as(language).startsWith("The person just shared something painful")
                    .contains("would rather not talk about this");
            assertThat(s.state().pending()).as(language + ": the moment is acted on").noneMatch(p -> p instanceof dev.chassis.talk.signal.Signal.EmotionNoted);
            TurnRecord next = s.respond(PLAIN.get(language), t -> { }).join();
            assertThat(next.directive()).as(language + ": not acknowledged again after the topic was left")
                    .isNotInstanceOf(Directive.Acknowledge.class);
            assertThat(next.directive().hardMoment()).isEmpty();
        }
    }

    private static final Map<String, String> PLAIN = Map.of(
            "en", "I usually open it on the bus in the morning and check the week ahead.",
            "sv", "Jag öppnar den oftast på bussen på morgonen och kollar veckan som kommer.",
            "de", "Ich öffne sie meistens morgens im Bus und schaue mir die Woche an.",
            "ar", "عادة أفتحه في الحافلة صباحاً وأنظر إلى الأسبوع القادم.",
            "ja", "たいてい朝のバスの中で開いて、その週の予定を確認します。");

    private static Session session(String language) {
        return session(language, List.of(language));
    }

    private static Session session(String language, List<String> languages) {
        Briefing b = new Briefing("Learn how people use a planning app.", language, languages, Duration.ofMinutes(20),
                List.of(new Objective("start", "Getting started", "How they set it up", 5, 0.4,
                                List.of("How did you first set it up?", "What did you try first?"), List.of("What did you expect?"),
                                List.of("setup", "start")),
                        new Objective("habits", "Habits", "When they use it", 4, 0.3,
                                List.of("When do you open it?"), List.of("What happens then?"), List.of("open", "use")),
                        new Objective("wishes", "Wishes", "What they would change", 2, 0.3,
                                List.of("What would you change?"), List.of("Why that?"), List.of("change"))),
                Map.of(), List.of(), List.of(), "Hi, thanks for joining.");
        TalkHarness h = Fixtures.harness().build();
        Session s = h.open(h.stage(b));
        s.open(t -> { }).join();
        return s;
    }
}
