package dev.chassis.talk.internal;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.talk.Session;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.stage.StagedContext;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A short throwaway session through the whole turn path (state, steering, assembly, monitors, guard, realiser) so that the
 * first real one does not pay the JVM's cold start: on a cold JVM the first answered turn spent 5 s planning before its
 * request (a bridge cannot speak before the plan), against 40-60 ms once anything had run it. It touches nothing outside:
 * the fallback answers (no model is called), the journal is in memory, no events or spans, only lexical monitors (a
 * model-backed monitor would call its model), no embedder, no compactor.
 */
public final class WarmUp {

    private WarmUp() {
    }

    /**
     * Runs an opening and two answered turns in the staged language, answered with the briefing's own first questions.
     *
     * @param lexical the built-in monitors, fresh (none of the harness's own instances, which may hold state or a model)
     */
    public static void run(TalkConfig config, StagedContext staged, List<Monitor> lexical) {
        TalkConfig quiet = config.toBuilder().model(config.fallback()).handOver(Optional.empty()).journal(new InMemoryJournal())
                .embedder(Optional.empty()).monitors(lexical).events(EventSink.NONE).openTelemetry(OpenTelemetry.noop())
                .compactor(Optional.empty()).build();
        List<String> answers = staged.briefing().objectives().stream().map(Objective::questions).filter(q -> !q.isEmpty())
                .map(List::getFirst).limit(2).toList();
        try (Session s = LiveSession.start(quiet, staged, "warm-up-" + UUID.randomUUID())) {
            s.open(t -> { }).join();
            for (String answer : answers) {
                s.respond(answer, t -> { }).join();
            }
            s.settle(java.time.Duration.ofSeconds(5));
        }
    }
}
