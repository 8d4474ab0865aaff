package dev.chassis.research.interview;

import dev.chassis.core.ledger.Ledger;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.conduct.SyntheticSessions;
import dev.chassis.talk.TalkHarness;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.util.Optional;

/**
 * Lets research operations interview synthetic participants offline: the AI interviewer with the
 * study's guide against the persona standing in for each person, keeping the fixes of the run's
 * ledger or the guide's. Found through {@code ServiceLoader}.
 */
public final class InterviewerSessions implements SyntheticSessions {

    @Override
    public SessionConductor conductor(Setup setup) {
        Guide guide = GuideFile.load(setup.guide());
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        Optional<Ledger> fixes = StudyLedger.choose(setup.ledger(), guide);
        Interviewer interviewer = new Interviewer(guide, clock -> {
            TalkHarness.Builder b = TalkHarness.builder().model(setup.model()).fallback(fallback).clock(clock);
            fixes.ifPresent(b::ledger);
            return b.build();
        }, !(setup.model() instanceof OfflineModel));
        interviewer.warmUp();   // the run's first interview (the one streamed live in the demo) is not the cold JVM's
        return (session, events) -> {
            Persona persona = PersonaFile.load(setup.personas().personaFor(session));
            long seed = setup.seed() * 31 + session.id().hashCode();
            return interviewer.simulate(new SyntheticParticipant(persona, seed), session.id(), events).transcript();
        };
    }
}
