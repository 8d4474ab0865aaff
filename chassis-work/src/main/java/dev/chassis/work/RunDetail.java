package dev.chassis.work;

import dev.chassis.core.journal.Journal;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunUsage;
import dev.chassis.work.journal.StepStatus;
import dev.chassis.work.journal.ToolOutcome;
import dev.chassis.work.journal.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run as its journal tells it, step by step, for a person to read (a CLI, a console, an API): each
 * step's end, its tries, every gate verdict, every tool call with its arguments, outcome and the policy's
 * verdict, and what it used; and, when the run is paused, what it waits for (the draft or the tool call).
 * Read without a harness.
 *
 * @param steps the steps that have started or ended, in the order they first did
 */
public record RunDetail(RunSummary summary, List<Step> steps) {

    public RunDetail {
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param ended    how it ended; empty while it has not
     * @param attempts how many times it started (its retries and, after a wait, its tries again)
     * @param reason   why it failed or was skipped; empty otherwise
     */
    public record Step(String step, Optional<StepStatus> ended, int attempts, List<Gate> gates, List<ToolCall> tools, RunUsage usage,
                       String output, String reason) {
        public Step {
            gates = List.copyOf(gates);
            tools = List.copyOf(tools);
        }
    }

    /** A gate's verdict on one try of a step; {@code note} says why it passed or what it waits for. */
    public record Gate(int attempt, String gate, Verdict verdict, List<String> findings, String note) {
        public Gate {
            findings = List.copyOf(findings);
        }
    }

    /**
     * A tool call.
     *
     * @param outcome empty when it started and has no result (cut off by a crash; a resumed run calls it again under the same key)
     * @param policy  the policy's verdict and the rule that gave it, e.g. {@code asked_and_approved (ask write_file)}
     */
    public record ToolCall(String key, String tool, String arguments, Optional<ToolOutcome> outcome, String policy, String result, long millis) { }

    /** The run in {@code journal}, or empty when there is no such run. */
    public static Optional<RunDetail> read(Journal journal, String runId) {
        RunRecord record = RunRecord.load(runId, journal);
        Optional<RunEvent.Started> started = record.get(EventKeys.started(), RunEvent.Started.class);
        return started.map(s -> of(record, RunSummary.of(record, s, 0)));
    }

    static RunDetail of(RunRecord record, RunSummary summary) {
        Map<String, StepBuilder> steps = new LinkedHashMap<>();
        for (RunEvent e : record.events()) {
            e.stepId().ifPresent(id -> steps.computeIfAbsent(id, StepBuilder::new).add(e));
        }
        return new RunDetail(summary, steps.values().stream().map(b -> b.build(record)).toList());
    }

    /** A step's events gathered in journal order. */
    private static final class StepBuilder {
        private final String step;
        private int attempts;
        private RunEvent.StepEnded ended;
        private final List<Gate> gates = new ArrayList<>();
        private final Map<String, ToolCall> tools = new LinkedHashMap<>(); // by the call's key: its end replaces its start

        StepBuilder(String step) {
            this.step = step;
        }

        void add(RunEvent e) {
            switch (e) {
                case RunEvent.StepStarted s -> attempts = Math.max(attempts, s.attempt());
                case RunEvent.GateChecked g -> gates.add(new Gate(g.attempt(), g.gate(), g.verdict(), g.findings(), g.note()));
                case RunEvent.ToolStarted t -> tools.put(t.key(), new ToolCall(t.key(), t.tool(), t.arguments(), Optional.empty(), "", "", 0));
                case RunEvent.ToolFinished t -> {
                    String key = t.key().endsWith(":done") ? t.key().substring(0, t.key().length() - ":done".length()) : t.key();
                    ToolCall started = tools.get(key);
                    tools.put(key, new ToolCall(key, t.tool(), started == null ? "" : started.arguments(), Optional.of(t.outcome()), t.policy(),
                            t.content(), t.millis()));
                }
                case RunEvent.StepEnded s -> {
                    ended = s;
                    attempts = Math.max(attempts, s.attempts());
                }
                case RunEvent.Started s -> { }
                case RunEvent.ModelCalled m -> { }
                case RunEvent.Paused p -> { }
                case RunEvent.Decided d -> { }
                case RunEvent.Finished f -> { }
            }
        }

        Step build(RunRecord record) {
            return new Step(step, Optional.ofNullable(ended).map(RunEvent.StepEnded::status), attempts, gates, List.copyOf(tools.values()),
                    record.usage(step), ended == null ? "" : ended.output(), ended == null ? "" : ended.reason());
        }
    }
}
