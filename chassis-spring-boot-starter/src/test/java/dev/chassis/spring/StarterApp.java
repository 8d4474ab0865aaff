package dev.chassis.spring;

import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests start: nothing of its own, everything Chassis auto-configured. */
@SpringBootApplication
class StarterApp {

    static final Briefing BRIEFING = Briefing.builder().purpose("Learn how teams plan their week.").language("en")
            .duration(Duration.ofMinutes(15))
            .objective(Objective.of("planning", "Planning", 5, 1.0, "How does your team plan its week?", "What gets in the way?"))
            .opening("Hi, thanks for joining.").build();

    /** An opening and one answered turn; returns the answer's turn as the journal confirmed it. */
    static TurnRecord interview(TalkHarness harness, String answer) throws Exception {
        try (Session session = harness.open(harness.stage(BRIEFING))) {
            session.open(token -> { }).get(30, TimeUnit.SECONDS);
            return session.respond(answer, token -> { }).get(30, TimeUnit.SECONDS);
        }
    }
}
