package dev.chassis.research.ops.workflow;

import dev.chassis.core.model.Model;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ops.conduct.InboxConductor;
import dev.chassis.research.ops.conduct.PersonaAssignment;
import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.conduct.SyntheticSessions;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.synthesis.ModelThemeWriter;
import dev.chassis.research.synthesis.Synthesizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Starts and resumes study runs in a {@link RunStore}: reads the study, builds the conductor (synthetic
 * participants through {@link SyntheticSessions} unless one is given), runs the steps, and records the
 * outcome in {@code run.json}. A resumed run uses the seed and start time recorded when it began.
 * Immutable and thread-safe.
 */
public final class StudyRuns {

    /** Attempts a model gets to write themes whose every quote passes the gate. */
    static final int ATTEMPTS = 3;

    private final RunStore store;
    private final Model model;
    private final Function<SyntheticSessions.Setup, SessionConductor> conductors;
    private final int parallel;

    public StudyRuns(RunStore store, Model model, Function<SyntheticSessions.Setup, SessionConductor> conductors, int parallel) {
        this.store = Objects.requireNonNull(store, "store");
        this.model = Objects.requireNonNull(model, "model");
        this.conductors = Objects.requireNonNull(conductors, "conductors");
        this.parallel = parallel;
    }

    /** Conductors from the synthetic-participant engine on the class path. */
    public static Function<SyntheticSessions.Setup, SessionConductor> syntheticParticipants() {
        return setup -> SyntheticSessions.find()
                .orElseThrow(() -> new IllegalStateException("offline sessions need the synthetic participant engine "
                        + "(an implementation of " + SyntheticSessions.class.getName() + ") and none is on the class path"))
                .conductor(setup);
    }

    /** A new run of {@code record}'s study, in a new folder. */
    public StudyRun.Outcome start(RunRecord record, RunProgress progress, SessionEvents events) throws InterruptedException {
        RunFolder folder = store.create(record);
        return execute(record, folder, progress, events);
    }

    /** Continues a run from its folder: finished work is kept, sessions already saved are not run again. */
    public StudyRun.Outcome resume(String id, RunProgress progress, SessionEvents events) throws InterruptedException {
        RunRecord record = store.find(id);
        return execute(record.with("running", "resumed"), store.folder(id), progress, events);
    }

    /**
     * Themes are written by the run's model behind the quote gate; offline, by the extractive writer.
     * Coverage is measured against the study guide's objectives.
     */
    private Synthesizer synthesizer(StudyPlan plan) {
        Synthesizer.Builder b = Synthesizer.builder().maxThemes(plan.study().themes()).guide(GuideFile.load(plan.guide()));
        if (!(model instanceof dev.chassis.models.offline.OfflineModel)) {
            b.writer(ModelThemeWriter.of(model, ATTEMPTS), model.name());
        }
        return b.build();
    }

    private StudyRun.Outcome execute(RunRecord record, RunFolder folder, RunProgress progress, SessionEvents events)
            throws InterruptedException {
        store.save(folder, record.with("running", ""));
        try {
            StudyPlan plan = StudyPlan.load(Path.of(record.input()));
            PersonaAssignment personas = new PersonaAssignment(plan.pool().file().toAbsolutePath().getParent(), plan.personas());
            SessionConductor conductor = switch (plan.study().conduct()) {
                case SYNTHETIC -> conductors.apply(new SyntheticSessions.Setup(plan.guide(), personas, model, record.seed()));
                case LIVE -> new InboxConductor(folder.inbox());
            };
            Synthesizer synthesizer = synthesizer(plan);
            ResearchSteps steps = new ResearchSteps(plan, folder, conductor, synthesizer, record.started());
            List<String> context = List.of("Study " + plan.study().study() + " (" + plan.file() + ")",
                    "Run " + record.id() + " · engine " + record.model() + " · seed " + record.seed());
            StudyRun.Outcome outcome = new StudyRun(steps, progress, parallel).run(record.live(), events, context);
            store.save(folder, record.with("done", outcome.report().html().toString()));
            return outcome;
        } catch (RunWaiting w) {
            store.save(folder, record.with("waiting", w.sessions().size() + " live session(s) to take place; transcripts go to " + folder.inbox()));
            throw w;
        } catch (RuntimeException e) {
            store.save(folder, record.with("failed", Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName())));
            throw e;
        }
    }
}
