package dev.chassis.server.ops;

import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.research.ops.workflow.RunProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server records about a run beside the research application's {@code run.json}: the step timeline,
 * the live sessions made for it and the decisions on its pauses, in {@code server.json} in the run's folder.
 * Also the run's {@link RunProgress}. Thread-safe (synchronized; progress calls are rare and short).
 */
final class RunState implements RunProgress {

    /** The file's shape. */
    record Saved(List<StepView> steps, Map<String, String> liveSessions, String study, List<RunView.Decision> decisions) {
    }

    private final RunFolder folder;
    private final Clock clock;
    private final List<StepView> steps = new ArrayList<>();
    private final Map<String, String> liveSessions = new LinkedHashMap<>(); // run session -> server session
    private final List<RunView.Decision> decisions = new ArrayList<>();
    private String study = "";

    RunState(RunFolder folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
        folder.readJson("server.json", Saved.class).ifPresent(s -> {
            steps.addAll(s.steps());
            liveSessions.putAll(s.liveSessions());
            decisions.addAll(s.decisions() == null ? List.of() : s.decisions());
            study = s.study() == null ? "" : s.study();
        });
    }

    @Override
    public synchronized void stepStarted(String step) {
        int attempt = (int) steps.stream().filter(s -> s.step().equals(step)).count() + 1;
        steps.add(new StepView(step, "running", attempt, clock.instant(), Optional.empty(), ""));
        save();
    }

    @Override
    public synchronized void stepDone(String step, String summary) {
        endRunning(step, "done", summary);
    }

    /**
     * The running step stopped: {@code paused} for people, or {@code failed}. A run that stops before any step ran
     * (its ledger gone, its journal unreadable) shows as a {@value #START} entry, so the reason is on the timeline.
     */
    synchronized void stopped(String status, String why) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).status().equals("running")) {
                steps.set(i, steps.get(i).end(status, clock.instant(), why));
                save();
                return;
            }
        }
        java.time.Instant now = clock.instant();
        steps.add(new StepView(START, status, 1, now, Optional.of(now), why));
        save();
    }

    /** The timeline's name for a stop that came before the first step. */
    static final String START = "start";

    synchronized void decided(boolean approved, String note) {
        String step = steps.isEmpty() ? "" : steps.getLast().step();
        decisions.add(new RunView.Decision(step, approved, note, clock.instant()));
        save();
    }

    synchronized List<StepView> steps() {
        return List.copyOf(steps);
    }

    synchronized List<RunView.Decision> decisions() {
        return List.copyOf(decisions);
    }

    synchronized Map<String, String> liveSessions() {
        return Map.copyOf(liveSessions);
    }

    synchronized String study() {
        return study;
    }

    synchronized void liveSession(String study, String runSession, String serverSession) {
        this.study = study;
        liveSessions.put(runSession, serverSession);
        save();
    }

    synchronized long elapsedMs() {
        return steps.stream().mapToLong(s -> Duration.between(s.started(), s.ended().orElse(clock.instant())).toMillis()).sum();
    }

    private void endRunning(String step, String status, String summary) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).step().equals(step) && steps.get(i).status().equals("running")) {
                steps.set(i, steps.get(i).end(status, clock.instant(), summary));
                break;
            }
        }
        save();
    }

    private void save() {
        folder.writeJson("server.json", new Saved(steps, liveSessions, study, decisions));
    }
}
