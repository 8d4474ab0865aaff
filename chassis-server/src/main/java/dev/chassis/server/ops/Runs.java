package dev.chassis.server.ops;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.input.Ids;
import dev.chassis.core.model.Model;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.study.StudyPlan;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.RunWaiting;
import dev.chassis.research.ops.workflow.Delivery;
import dev.chassis.research.ops.workflow.StudyRuns;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.files.DataFolder;
import dev.chassis.server.study.SessionIds;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.work.RunDiff;
import dev.chassis.work.WorkEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Study runs driven from the server, each on a virtual thread of its own. A run that stops to wait for
 * live sessions ({@link RunWaiting}) gets a server session and participant link for each; when one
 * completes, its transcript goes to the run's inbox. The paused step then waits for the researcher:
 * approve continues the run (it resumes and takes the transcripts in), reject stops it. A run's state is read
 * from its journal in the run folder. Thread-safe.
 */
public final class Runs implements AutoCloseable {

    static final int PARALLEL = 5;
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RunStore store;
    private final DataFolder files;
    private final StudyRuns studyRuns;
    private final Studies studies;
    private final SessionStore sessions;
    private final Clock clock;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    /** One lock per run being forked; see {@link #fork}. */
    private final Map<String, Object> forking = new ConcurrentHashMap<>();
    /** How long a fork request waits for its fork's start to be journaled before the next fork of the same run may be numbered. */
    private static final java.time.Duration FORK_START_WAIT = java.time.Duration.ofSeconds(30);
    private final Map<String, RunState> states = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("study-run-", 0).factory());
    private final WorkflowRuns workflows;

    /**
     * @param invitations how invitations reach participants: each live session's own server session and signed link,
     *                    emailed when a mailer is set
     * @param workEvents  where the runs' work-harness events go besides their journals (the server's metrics)
     * @param engines     where the runs' steps run: this process, or an engine such as Temporal
     * @param ledger      the server's mistake ledger folder: its fixes apply to every run's interviews, in place of a guide's own,
     *                    and to every workflow run
     * @param models      an engine by the name a researcher gives, for workflow runs and their forks
     */
    public Runs(DataFolder files, Model model, Studies studies, SessionStore sessions, Clock clock, RunInvitations invitations,
                EventSink workEvents, WorkEngine.Factory engines, Path ledger, Function<String, Model> models) {
        this.files = files;
        this.store = new RunStore(files.runs());
        // a live session's server session is opened when its invitation is written, so the invitation carries its real link
        Delivery delivery = new Delivery(invitations.mailer(), (run, s) -> Optional.of(invitations.link().apply(serverSession(run, s.id()))));
        this.studyRuns = new StudyRuns(store, model, StudyRuns.syntheticParticipants(), PARALLEL).withDelivery(delivery)
                .withWorkEvents(workEvents).withEngines(engines).withLedger(Optional.of(ledger));
        this.studies = studies;
        this.sessions = sessions;
        this.clock = clock;
        this.workflows = new WorkflowRuns(store, models, engines, workEvents, ledger);
    }

    /**
     * Starts a run of a study file in the background.
     *
     * @throws dev.chassis.core.input.InvalidInputException when the study file is not valid
     */
    public RunInfo start(Path studyFile, long seed, String modelName) {
        StudyPlan plan = StudyPlan.load(studyFile);
        // the study id cut so that the run id stays an id (21 characters follow it)
        String id = Ids.slug(plan.study().study(), Ids.MAX_LENGTH - 21, "run") + "-" + ID.format(clock.instant()) + "-"
                + SessionIds.newId().substring(2, 6);
        // the run's start is journaled before the answer: from now on it exists, and a server restart can resume it
        RunInfo created = studyRuns.create(new StudyRuns.Request(id, plan.file(), modelName, seed, Optional.empty(), clock.instant()));
        launch(id, state -> studyRuns.resume(id, state, SessionEvents.NONE));
        return created;
    }

    /**
     * Starts a run of a workflow file in the background, with the server's ledger.
     *
     * @throws dev.chassis.core.input.InvalidInputException when the workflow file is not valid
     */
    public RunInfo startWorkflow(Path file, String modelName, Map<String, String> inputs) {
        RunInfo created = workflows.create(file, modelName, inputs, clock.instant());
        launch(created.id(), state -> workflows.resume(created.id()));
        return created;
    }

    /** Whether {@code file} is a workflow file rather than a study file. */
    public static boolean isWorkflow(Path file) {
        return WorkflowRuns.isWorkflow(file);
    }

    /**
     * Forks a workflow run from a step with a change, as a new run beside it that runs in the background.
     *
     * @return the fork's id
     */
    public String fork(String id, FlowRuns.ForkRequest change) {
        find(id);
        // A fork's number is the first without a started fork: two at once would both take it, so each waits for the last to start.
        synchronized (forking.computeIfAbsent(id, k -> new Object())) {
            String fork = workflows.prepareFork(id, change);
            launch(fork, state -> workflows.fork(id, fork, change));
            long until = System.nanoTime() + FORK_START_WAIT.toNanos();
            while (store.read(fork).isEmpty() && active.contains(fork) && System.nanoTime() < until) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return fork;
        }
    }

    /** How two workflow runs differ, step by step. */
    public RunDiff diff(String a, String b) {
        find(a);
        find(b);
        return workflows.diff(a, b);
    }

    /** Continues a run that is waiting, failed, or was cut off by a server stop. */
    public RunInfo resume(String id) {
        RunInfo r = find(id);
        if (active.contains(id)) {
            throw ApiException.conflict("run " + id + " is running already");
        }
        if (r.status().over()) {
            throw ApiException.conflict("run " + id + " is " + r.status().label() + "; only waiting, failed or interrupted runs resume");
        }
        launch(id, workflows.owns(r) ? state -> workflows.resume(id) : state -> studyRuns.resume(id, state, SessionEvents.NONE));
        return find(id);
    }

    /** Approves the paused step: the run continues. */
    public RunInfo approve(String id, String note) {
        RunInfo r = requireWaiting(id);
        state(id).decided(true, note);
        if (workflows.owns(r)) {
            launch(id, state -> workflows.decide(id, true, note));
            return find(id);
        }
        return resume(id);
    }

    /** Rejects the paused step: the run stops, marked rejected, with the note as its reason. */
    public RunInfo reject(String id, String note) {
        RunInfo r = requireWaiting(id);
        state(id).decided(false, note);
        if (workflows.owns(r)) {   // a refused tool call lets the run go on without it; a rejected draft ends the run
            launch(id, state -> workflows.decide(id, false, note));
            return find(id);
        }
        return studyRuns.reject(id, "the researcher", note);
    }

    public List<RunView> list() {
        return store.list().stream().map(this::view).toList();
    }

    public RunView get(String id, java.util.function.Function<String, String> linkFor) {
        RunInfo r = find(id);
        RunState s = state(id);
        List<RunView.LiveSession> waiting = new ArrayList<>();
        for (Map.Entry<String, String> e : s.liveSessions().entrySet()) {
            boolean done = Files.isRegularFile(files.runInbox(id, e.getKey()));
            waiting.add(new RunView.LiveSession(e.getKey(), e.getValue(), linkFor.apply(e.getValue()), done));
        }
        boolean running = active.contains(id);
        return new RunView(r, running, s.steps(), waiting, s.decisions(), s.elapsedMs(), report(id).isPresent(),
                WorkJournal.read(files.run(id), running, clock.instant()));
    }

    /** The run's HTML and Markdown report, when it has finished. */
    public Optional<Path[]> report(String id) {
        Path dir = folder(find(id).id()).report();
        Path html = dir.resolve("report.html");
        return Files.isRegularFile(html) ? Optional.of(new Path[] {html, dir.resolve("report.md")}) : Optional.empty();
    }

    /** An interview made for a run completed: its transcript goes to the run's inbox under the run's session id. */
    public void sessionCompleted(SessionInfo session, Transcript t) {
        session.run().ifPresent(link -> {
            Transcript asRun = new Transcript(link.session(), t.participant(), t.language(), t.turns(), t.marks());
            RunFolder.write(files.runInbox(link.runId(), link.session()), TranscriptFiles.toJson(asRun));
        });
    }

    private RunView view(RunInfo r) {
        RunState s = state(r.id());
        // listings leave the journal out: reading every run's journal on each poll of the list costs more than it shows
        return new RunView(r, active.contains(r.id()), s.steps(), List.of(), s.decisions(), s.elapsedMs(), report(r.id()).isPresent(), List.of());
    }

    private interface Body {
        void run(RunState state) throws InterruptedException;
    }

    private void launch(String id, Body body) {
        if (!active.add(id)) {
            throw ApiException.conflict("run " + id + " is running already");
        }
        RunState state = state(id);
        threads.execute(() -> {
            try {
                body.run(state);
            } catch (RunWaiting w) {
                offerLinks(id, w.sessions());   // before it reads as paused: whoever sees it waiting sees every link
                state.stopped("paused", w.getMessage());
            } catch (InterruptedException e) {
                state.stopped("failed", "the server stopped during this step; resume the run");
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                state.stopped("failed", e.getMessage() == null ? "the run stopped with an error" : e.getMessage());
            } finally {
                active.remove(id);
            }
        });
    }

    /** A server session and link for each live session the run waits for (once per session, however often it pauses). */
    private void offerLinks(String id, List<String> pending) {
        for (String runSession : pending) {
            serverSession(id, runSession);
        }
    }

    /** The server session of a run's live session, opened (with the run's study) the first time it is asked for. */
    private String serverSession(String id, String runSession) {
        RunState state = state(id);
        synchronized (state) {
            String have = state.liveSessions().get(runSession);
            if (have != null) {
                return have;
            }
            String study = state.study();
            if (study.isEmpty()) {
                Path guide = StudyPlan.load(Path.of(find(id).input())).guide();
                study = studies.create(read(guide), guide.getFileName().toString(), clock.instant()).id();
            }
            String language = studies.get(study).languages().getFirst();
            SessionInfo s = sessions.save(new SessionInfo(SessionIds.newId(), study, language, Optional.of("run " + id + " · " + runSession),
                    clock.instant(), "invited", Optional.empty(), Optional.of(new SessionInfo.RunLink(id, runSession))));
            state.liveSession(study, runSession, s.id());
            return s.id();
        }
    }

    private RunInfo requireWaiting(String id) {
        RunInfo r = find(id);
        if (active.contains(id) || r.status() != RunInfo.Status.WAITING) {
            throw ApiException.conflict("run " + id + " is " + (active.contains(id) ? "running" : r.status().label())
                    + "; only a run paused for a decision can be approved or rejected");
        }
        return r;
    }

    private RunInfo find(String id) {
        if (!Ids.valid(id)) {
            throw ApiException.notFound("no run '" + id + "'");
        }
        return store.read(id).orElseThrow(() -> ApiException.notFound("no run '" + id + "'"));
    }

    private RunState state(String id) {
        return states.computeIfAbsent(id, k -> new RunState(folder(k), clock));
    }

    /** A run's folder, by the data folder's rules: the id is checked and the folder is inside the runs folder. */
    private RunFolder folder(String id) {
        return new RunFolder(files.run(id));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops the runs' threads; an interrupted run is resumable later. */
    @Override
    public void close() {
        threads.shutdownNow();   // interrupts every run: each stops at its next step, its journal kept for a resume
        try {
            // and waits for them, so that no run writes into the data folder after the server closed
            threads.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
