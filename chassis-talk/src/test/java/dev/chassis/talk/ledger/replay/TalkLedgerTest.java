package dev.chassis.talk.ledger.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TalkLedgerTest {

    private static final OfflineModel OFFLINE = OfflineModel.builder().pacing(Pacing.INSTANT).build();
    private static final Briefing BRIEFING = new Briefing("Learn how people manage money.", "en", List.of("en"), Duration.ofMinutes(20),
            List.of(new Objective("income", "Income", "", 5, 0.5, List.of("Roughly how much do you earn in a month?", "Does it vary month to month?"),
                            List.of(), List.of("income", "salary")),
                    Objective.of("tools", "Tools", 4, 0.5, "Which tools do you use to track spending?")),
            Map.of(), List.of(), List.of(), "Hi, thanks for joining.");

    @Test
    void a_talk_mistake_replays_as_possible_before_its_fix_and_prevented_after(@TempDir Path dir) {
        Incident incident = new Incident("pressed-on-money", "Pressed on income after the person declined", "talk", Instant.EPOCH,
                "researcher", new Evidence("session-3", "turn 1", "Money is a sore subject for me, to be honest.",
                "Thanks. Does it vary month to month?", List.of(), Map.of()), new Mistake(Mistake.DIRECTIVE_IS, "ask"), List.of());
        Ledger before = Ledger.load(dir.resolve("before")).add(incident);
        TalkReplayer replayer = new TalkReplayer(() -> TalkHarness.builder().model(OFFLINE).fallback(OFFLINE), BRIEFING);
        assertThat(before.check(List.of(replayer)).results()).singleElement().isInstanceOf(ReplayResult.StillPossible.class);

        Ledger after = Ledger.load(dir.resolve("after")).add(incident.withFixes(List.of(
                new Fix.SteeringRule("answer~(?i)sore subject", "move-on", "leave a sore subject: move to the next topic"))));
        var report = after.check(List.of(replayer));
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.lines()).singleElement().asString().startsWith("PREVENTED  pressed-on-money: turn 1 became 'moveon'");
    }
}
