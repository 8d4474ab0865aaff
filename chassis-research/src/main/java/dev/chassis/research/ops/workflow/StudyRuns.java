package dev.chassis.research.ops.workflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.FileJournal;
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
import dev.chassis.work.WorkEngine;
import dev.chassis.work.journal.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates, runs, resumes and rejects study runs in a {@link RunStore}: reads the study, builds the
 * conductor (synthetic participants through {@link SyntheticSessions} unless one is given), and runs the
 * steps on the work harness over the run folder's journal, which is all that is kept about the run. A
 * resumed run uses the seed and start time its start recorded. Immutable and thread-safe.
 */
public final class StudyRuns {

    /** Attempts a model gets to write themes whose every quote passes the gate. */
    static final int ATTEMPTS = 3;

    /** What a new run is: its id, the study file, the engine as given, the participants' seed, a session to stream, its start. */
    public record Request(String id, Path study, String model, long seed, Optional<String> live, Instant started) {
        public Request {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(study, "study");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(live, "live");
            Objects.requireNonNull(started, "started");
        }
    }

    private final RunStore store;
    private final Model model;
    private final Function<SyntheticSessions.Setup, SessionConductor> conductors;
    private final int parallel;
    private final Delivery delivery;
    private final WorkEngine.Factory engines;
    private final EventSink workEvents;
    private final Optional<Path> ledger;

    public StudyRuns(RunStore store, Model model, Function<SyntheticSessions.Setup, SessionConductor> conductors, int parallel) {
        this(store, model, conductors, parallel, Delivery.filesOnly(), WorkEngine.Factory.LOCAL, EventSink.NONE, Optional.empty());
    }

    private StudyRuns(RunStore store, Model model, Function<SyntheticSessions.Setup, SessionConductor> conductors, int parallel,
                      Delivery delivery, WorkEngine.Factory engines, EventSink workEvents, Optional<Path> ledger) {
        this.store = Objects.requireNonNull(store, "store");
        this.model = Objects.requireNonNull(model, "model");
        this.conductors = Objects.requireNonNull(conductors, "conductors");
        this.parallel = parallel;
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.workEvents = Objects.requireNonNull(workEvents, "workEvents");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** The same runs, delivering invitations this way (participants' links, a mailer or none). */
    public StudyRuns withDelivery(Delivery d) {
        return new StudyRuns(store, model, conductors, parallel, d, engines, workEvents, ledger);
    }

    /** The same runs with their steps on {@code e}: this process ({@link WorkEngine.Factory#LOCAL}, the default) or another engine, scoped by run id. */
    public StudyRuns withEngines(WorkEngine.Factory e) {
        return new StudyRuns(store, model, conductors, parallel, delivery, e, workEvents, ledger);
    }

    /** The same runs, their work-harness events also going to {@code events} (metrics, an audit trail). */
    public StudyRuns withWorkEvents(EventSink events) {
        return new StudyRuns(store, model, conductors, parallel, delivery, engines, events, ledger);
    }

    /**
     * These runs with a mistake ledger (a folder of incident files) whose fixes every interview keeps,
     * in place of the guide's {@code ledger:}. A run's start records it: resumed without one, the run keeps its own.
     */
    public StudyRuns withLedger(Optional<Path> folder) {
        return new StudyRuns(store, model, conductors, parallel, delivery, engines, workEvents, folder);
    }

    /** Conductors from the synthetic-participant engine on the class path. */
    public static Function<SyntheticSessions.Setup, SessionConductor> syntheticParticipants() {
        return setup -> SyntheticSessions.find()
                .orElseThrow(() -> new IllegalStateException("offline sessions need the synthetic participant engine "
                        + "(an implementation of " + SyntheticSessions.class.getName() + ") and none is on the class path"))
                .conductor(setup);
    }

    /**
     * Journals a new run's start in a new folder (the study is checked first), without running it; from now on
     * it can be resumed by id.
     *
     * @throws dev.chassis.core.input.InvalidInputException when the study file is not valid
     */
    public RunInfo create(Request r) {
        StudyPlan plan = StudyPlan.load(r.study());
        RunFolder folder = store.create(r.id());
        Map<String, String> labels = new java.util.LinkedHashMap<>(RunStore.labels("study", plan.file(), r.model(), r.seed(), r.live()));
        labels.put("started", r.started().toString());
        ledger.ifPresent(d -> labels.put(FlowRuns.LEDGER, d.toAbsolutePath().normalize().toString()));
        try (FileJournal journal = new FileJournal(folder.dir().resolve("journal"));
             WorkEngine engine = engines.engine(StudyRun.config(OpsTools.names(), journal), r.id())) {
            engine.create(StudyRun.WORKFLOW, JsonNodeFactory.instance.objectNode(), "ops-1", labels);
        }
        return store.find(r.id());
    }

    /** A new run of the study, created and run. */
    public StudyRun.Outcome start(Request r, RunProgress progress, SessionEvents events) throws InterruptedException {
        return execute(create(r), progress, events);
    }

    /**
     * Continues a run from its journal: finished work is kept, sessions already saved are not run again, a run
     * waiting for live sessions takes in the transcripts that arrived.
     *
     * @throws IllegalStateException when the run is over (done or rejected): there is nothing to continue
     */
    public StudyRun.Outcome resume(String id, RunProgress progress, SessionEvents events) throws InterruptedException {
        RunInfo info = store.find(id);
        if (info.status().over()) {
            throw new IllegalStateException("run " + id + " is " + info.status().label() + "; there is nothing to continue");
        }
        return execute(info, progress, events);
    }

    /**
     * A person rejects what a waiting run waits for: the run ends, rejected, with the note as its reason.
     *
     * @throws IllegalStateException when the run is not waiting
     */
    public RunInfo reject(String id, String by, String note) {
        RunInfo info = store.find(id);
        if (info.status() != RunInfo.Status.WAITING) {
            throw new IllegalStateException("run " + id + " is " + info.status().label() + ", not waiting for a decision");
        }
        try (FileJournal journal = new FileJournal(store.folder(id).dir().resolve("journal"));
             WorkEngine harness = engines.engine(StudyRun.config(OpsTools.names(), journal), id)) {
            String attempt = RunStore.current(id, journal).orElseThrow();
            if (harness.summary(attempt).status() != RunStatus.PAUSED) {
                throw new IllegalStateException("run " + id + " waits the way runs waited before a rejection was journaled; resume it instead");
            }
            harness.reject(attempt, by, note); // replays the finished steps from the journal; no tool runs
        }
        return store.find(id);
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

    /** The ledger these runs were given, else the one the run's start recorded. */
    private Optional<Path> ledgerOf(RunInfo info) {
        return ledger.or(() -> Optional.ofNullable(store.labels(info.id()).get(FlowRuns.LEDGER)).map(Path::of));
    }

    private StudyRun.Outcome execute(RunInfo info, RunProgress progress, SessionEvents events) throws InterruptedException {
        StudyPlan plan = StudyPlan.load(Path.of(info.input()));
        RunFolder folder = store.folder(info.id());
        PersonaAssignment personas = new PersonaAssignment(plan.pool().file().toAbsolutePath().getParent(), plan.personas());
        SessionConductor conductor = switch (plan.study().conduct()) {
            case SYNTHETIC -> conductors.apply(new SyntheticSessions.Setup(plan.guide(), personas, model, info.seed(), ledgerOf(info)));
            case LIVE -> new InboxConductor(folder.inbox());
        };
        ResearchSteps steps = new ResearchSteps(plan, folder, conductor, synthesizer(plan), info.started()).withDelivery(delivery);
        List<String> context = List.of("Study " + plan.study().study() + " (" + plan.file() + ")",
                "Run " + info.id() + " · engine " + info.model() + " · seed " + info.seed());
        return new StudyRun(steps, progress, parallel, workEvents).run(info.live(), events, context, config -> engines.engine(config, info.id()));
    }
}
