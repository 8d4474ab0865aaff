package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.text.Detection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cheap check on the turn's path (issue 13, on-path cost): script and function words decide a clear switch for the
 * very reply to it, without Lingua; a code-switcher's phrase and a short answer switch nothing; the full reading beside
 * the turn does not raise again what the check already raised.
 */
class OnPathGlanceTest {

    private static final List<String> STUDY = List.of("en", "de", "es");

    @Test
    void script_and_function_words_alone_tell_a_clear_switch_and_nothing_else() {
        assertThat(Detection.quick("Ich habe die App auf meinem Handy eingerichtet und das Konto mit meiner Bank verbunden.", STUDY))
                .isEqualTo("de");
        assertThat(Detection.quick("Configuré la aplicación en mi teléfono y la conecté con mi banco la semana pasada.", STUDY))
                .isEqualTo("es");
        assertThat(Detection.quick("アプリをスマートフォンに入れて、銀行の口座とつなぎました。", STUDY)).isEqualTo("ja");
        assertThat(Detection.quick("Budget app setup phone bank linking.", STUDY)).as("no function words: left to the full reading").isNull();
    }

    @Test
    void a_code_switcher_s_phrase_or_a_short_answer_switches_nothing_on_the_path() {
        try (Session s = session()) {
            TurnRecord mixed = s.respond("I set it up on my phone last week, pues la verdad, and then I linked it to my bank account.",
                    t -> { }).join();
            assertThat(mixed.directive()).isNotInstanceOf(Directive.SwitchLanguage.class);
            TurnRecord shortOne = s.respond("Sí, claro.", t -> { }).join();
            assertThat(shortOne.directive()).isNotInstanceOf(Directive.SwitchLanguage.class);
            assertThat(s.state().language()).isEqualTo("en");
        }
    }

    @Test
    void a_hard_moment_raised_on_the_path_is_not_raised_again_beside_it() {
        try (Session s = session()) {
            TurnRecord r = s.respond("I set it up right after I lost my job, I was so anxious about money back then.", t -> { }).join();
            assertThat(r.directive()).isInstanceOf(Directive.Acknowledge.class);
            assertThat(s.settle(Duration.ofSeconds(30))).isTrue();
            assertThat(s.state().emotions()).singleElement().satisfies(e -> assertThat(e.turn()).isEqualTo(1));
            TurnRecord next = s.respond("Anyway, the budgeting part was easy to set up on the phone.", t -> { }).join();
            assertThat(next.directive()).isNotInstanceOf(Directive.Acknowledge.class);
        }
    }

    private static Session session() {
        TalkHarness h = Fixtures.harness().build();
        Session s = h.open(h.stage(Fixtures.briefing()));
        s.open(t -> { }).join();
        return s;
    }
}
