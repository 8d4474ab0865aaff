package dev.chassis.research.ops.conduct;

import dev.chassis.core.model.Model;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The service that lets an offline run interview synthetic participants: the AI interviewer (talk
 * harness) with the study's guide, against the persona standing in for each person. Implemented where
 * the interviewer lives and found through {@link ServiceLoader}, so research operations need not know
 * the interviewer's types.
 *
 * <pre>{@code
 * // META-INF/services/dev.chassis.research.ops.conduct.SyntheticSessions
 * public final class InterviewerSessions implements SyntheticSessions {
 *     public SessionConductor conductor(Setup setup) {
 *         Guide guide = Guide.load(setup.guide());
 *         return (session, events) -> Interviewer.offline(guide, setup.model())
 *                 .interview(Persona.load(setup.personas().personaFor(session)), setup.seed(), session.id(), events);
 *     }
 * }
 * }</pre>
 */
public interface SyntheticSessions {

    /**
     * What an offline run gives the conductor.
     *
     * @param guide    the interview guide file
     * @param personas who stands in for whom
     * @param model    the engine the interviewer speaks with (offline unless the user chose another)
     * @param seed     for deterministic participants
     * @param ledger   the mistake ledger the run was given, which wins over the guide's {@code ledger:}
     */
    record Setup(Path guide, PersonaAssignment personas, Model model, long seed, Optional<Path> ledger) {
        public Setup {
            ledger = java.util.Objects.requireNonNullElse(ledger, Optional.empty());
        }
    }

    /** A conductor for this setup; it reads the guide now and fails with a located error if it is invalid. */
    SessionConductor conductor(Setup setup);

    /** The first implementation on the class path, if any. */
    static Optional<SyntheticSessions> find() {
        return ServiceLoader.load(SyntheticSessions.class).findFirst();
    }
}
