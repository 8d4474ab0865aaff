package dev.chassis.talk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harness built with a ledger applies its fixes to every new session, not only in replays. */
class LiveLedgerTest {

    private static final OfflineModel OFFLINE = OfflineModel.builder().pacing(Pacing.INSTANT).build();
    private static final Briefing BRIEFING = new Briefing("Learn how people manage money.", "en", List.of("en"), Duration.ofMinutes(20),
            List.of(new Objective("income", "Income", "", 5, 0.5, List.of("Roughly how much do you earn in a month?", "Does it vary month to month?"),
                            List.of(), List.of("income", "salary")),
                    Objective.of("tools", "Tools", 4, 0.5, "Which tools do you use to track spending?")),
            Map.of(), List.of("Never judge a person's spending."), List.of(), "Hi, thanks for joining.");
    private static final String REFUSAL = "Money is a sore subject for me, to be honest.";

    @Test
    void a_session_of_a_harness_built_with_the_ledger_keeps_its_fixes(@TempDir Path dir) {
        Ledger ledger = Ledger.load(dir).add(new Incident("pressed-on-money", "Pressed on income after a refusal", "talk", Instant.EPOCH,
                "researcher", new Evidence("s-1", "turn 1", REFUSAL, "Does it vary month to month?", List.of(), Map.of()),
                new Mistake(Mistake.DIRECTIVE_IS, "ask"), List.of(
                        new Fix.SteeringRule("answer~(?i)sore subject", "move-on", "leave a sore subject"),
                        new Fix.ContextNote("staged", "Never ask about income again once a person declines.", "a refusal is final"))));

        assertThat(replyTo(TalkHarness.builder().model(OFFLINE).fallback(OFFLINE).build()).directive().kind())
                .as("without the ledger the mistake recurs").isEqualTo("ask");
        TalkHarness fixed = TalkHarness.builder().model(OFFLINE).fallback(OFFLINE).ledger(Ledger.load(dir)).build();
        assertThat(replyTo(fixed).directive().kind()).isEqualTo("moveon");
        assertThat(fixed.stage(BRIEFING).prefix()).contains("Never ask about income again once a person declines.")
                .contains("Never judge a person's spending.");
        assertThat(ledger.incidents()).hasSize(1);
    }

    @Test
    void a_ledger_with_a_rule_the_harness_cannot_follow_is_refused_when_the_harness_is_built(@TempDir Path dir) {
        Ledger ledger = Ledger.load(dir).add(new Incident("bad-rule", "A rule with a typo", "talk", Instant.EPOCH, "researcher",
                new Evidence("s-1", "turn 1", REFUSAL, "", List.of(), Map.of()), new Mistake(Mistake.DIRECTIVE_IS, "ask"),
                List.of(new Fix.SteeringRule("answer~x", "jump", "typo"))));
        assertThatThrownBy(() -> TalkHarness.builder().model(OFFLINE).fallback(OFFLINE).ledger(ledger))
                .hasMessageContaining("unknown 'then' directive 'jump'");
    }

    private static TurnRecord replyTo(TalkHarness h) {
        try (Session s = h.open(h.stage(BRIEFING))) {
            s.open(t -> { }).join();
            return s.respond(REFUSAL, t -> { }).join();
        }
    }
}
