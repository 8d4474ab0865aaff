package dev.chassis.server.ops;

import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.journal.JournalException;
import dev.chassis.work.RunSummary;
import dev.chassis.work.journal.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a run folder's work-harness journal into {@link WorkView}s. Read-only: the run may be live in
 * another thread, and {@link FileJournal} reads only acknowledged lines (a torn last line is skipped), so
 * reading while it appends is safe. Stateless.
 */
final class WorkJournal {

    private WorkJournal() {
    }

    /**
     * The attempts in {@code runFolder/journal}, oldest first: a study run's ({@code ops-N}), or a workflow run's one
     * run under the folder's name (a fork's folder also holds its original's, which is not this run); empty when the
     * run has no journal yet.
     *
     * @param active whether the run is running in this server now (decides running versus interrupted)
     * @param now    the time a running step's wall time is measured to
     */
    static List<WorkView> read(Path runFolder, boolean active, Instant now) {
        Path dir = runFolder.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return List.of();   // checked first: FileJournal would create the folder
        }
        FileJournal journal = new FileJournal(dir);
        try {
            String own = runFolder.getFileName().toString();
            List<String> ids = journal.streams().contains(own) ? List.of(own) : journal.streams().stream().filter(id -> id.matches("ops-\\d+"))
                    .sorted(Comparator.comparingInt(id -> Integer.parseInt(id.substring(4)))).toList();
            List<WorkView> out = new ArrayList<>();
            for (String id : ids) {
                List<RunEvent> events = RunEvent.CODEC.decodeAll(journal.read(id));
                boolean last = id.equals(ids.getLast());
                out.add(attempt(id, events, active && last, now).with(RunSummary.read(journal, id)));
            }
            return out;
        } catch (JournalException | IllegalArgumentException e) {
            // The view is for display: a journal this server cannot decode must not break the run's page.
            return List.of();
        } finally {
            journal.close();
        }
    }

    static WorkView attempt(String id, List<RunEvent> events, boolean running, Instant now) {
        Map<String, StepEvents> steps = new LinkedHashMap<>();
        Instant started = events.isEmpty() ? now : events.getFirst().at();
        String status = running ? "running" : "interrupted";
        String pausedAt = null;
        Optional<WorkView.Fork> fork = Optional.empty();
        for (RunEvent e : events) {
            switch (e) {
                case RunEvent.Started s -> {
                    started = s.at();
                    fork = s.forkOf().map(of -> new WorkView.Fork(of, s.forkFrom().orElse("")));
                }
                case RunEvent.StepStarted s -> steps.computeIfAbsent(s.step(), StepEvents::new).started(s);
                case RunEvent.ModelCalled m -> steps.computeIfAbsent(m.step(), StepEvents::new).add(m);
                case RunEvent.ToolStarted t -> steps.computeIfAbsent(t.step(), StepEvents::new).add(t);
                case RunEvent.ToolFinished t -> steps.computeIfAbsent(t.step(), StepEvents::new).add(t);
                case RunEvent.GateChecked g -> steps.computeIfAbsent(g.step(), StepEvents::new).add(g);
                case RunEvent.StepEnded s -> steps.computeIfAbsent(s.step(), StepEvents::new).ended(s);
                case RunEvent.Paused p -> pausedAt = p.step();
                case RunEvent.Decided d -> pausedAt = null;
                case RunEvent.Finished f -> status = f.status().label();
            }
        }
        if (pausedAt != null && (status.equals("running") || status.equals("interrupted"))) {
            status = "paused";   // a pause waits for a person, not for this server
        }
        String open = status;
        return new WorkView(id, status, started, steps.values().stream().map(s -> s.view(open, running, now)).toList(), Optional.empty(),
                fork);
    }

    /** What one step's events add up to, gathered in journal order. */
    private static final class StepEvents {
        private final String step;
        private int attempts;
        private Instant first;
        private Instant lastAt;
        private RunEvent.StepEnded ended;
        private final List<WorkView.Gate> gates = new ArrayList<>();
        private final Map<String, WorkView.ToolUse> tools = new LinkedHashMap<>();  // by the call's key, so a started call is replaced by its end
        private int in;
        private int out;
        private double cost;
        private long modelMs;

        StepEvents(String step) {
            this.step = step;
        }

        void started(RunEvent.StepStarted s) {
            attempts = Math.max(attempts, s.attempt());
            first = first == null ? s.at() : first;
            lastAt = s.at();
        }

        void add(RunEvent.ModelCalled m) {
            in += m.inputTokens();
            out += m.outputTokens();
            cost += m.cost();
            modelMs += m.millis();
            lastAt = m.at();
        }

        void add(RunEvent.ToolStarted t) {
            tools.put(t.key(), new WorkView.ToolUse(t.tool(), t.arguments(), "unfinished", 0, ""));
            lastAt = t.at();
        }

        void add(RunEvent.ToolFinished t) {
            // the harness keys a finished call as "<started key>:done"
            String key = t.key().endsWith(":done") ? t.key().substring(0, t.key().length() - ":done".length()) : t.key();
            WorkView.ToolUse started = tools.get(key);
            tools.put(key, new WorkView.ToolUse(t.tool(), started == null ? "" : started.arguments(), t.outcome().label(), t.millis(), t.policy()));
            lastAt = t.at();
        }

        void add(RunEvent.GateChecked g) {
            gates.add(new WorkView.Gate(g.attempt(), g.gate(), g.verdict().label(), g.findings()));
            lastAt = g.at();
        }

        void ended(RunEvent.StepEnded s) {
            ended = s;
            attempts = Math.max(attempts, s.attempts());
            lastAt = s.at();
        }

        WorkView.Step view(String attemptStatus, boolean running, Instant now) {
            Instant from = first == null ? lastAt : first;
            Instant to = ended != null ? ended.at() : running ? now : lastAt;
            long wall = from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toMillis());
            return new WorkView.Step(step, ended != null ? ended.status().label() : attemptStatus, attempts, gates, List.copyOf(tools.values()),
                    new WorkView.Usage(in, out, cost, modelMs, wall), ended != null && ended.reason() != null ? ended.reason() : "");
        }
    }
}
