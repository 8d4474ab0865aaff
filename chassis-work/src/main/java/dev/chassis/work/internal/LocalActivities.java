package dev.chassis.work.internal;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolRunner;
import dev.chassis.work.budget.PriceTable;
import dev.chassis.work.flow.Activities;
import dev.chassis.work.flow.Outputs;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.instructions.OpenInstructionsTool;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.observe.WorkEvent;
import dev.chassis.work.observe.WorkTracing;
import io.opentelemetry.api.trace.Span;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The side-effect layer of a run in this process: model calls (retried with backoff on transient
 * failures), tool calls through the policy and rate limits, gate checks, all journaled under their
 * keys before their results are used, and replayed from the record when already there. Owns the
 * executor of parallel steps for the duration of one {@code run}.
 */
public final class LocalActivities implements Activities {

    private static final int MODEL_TRIES = 4;

    private final RunRecord record;
    private final Model model;
    private final Model judge;
    private final ToolRunner tools;
    private final RateLimits rateLimits;
    private final PriceTable prices;
    private final Clock clock;
    private final EventSink events;
    private final WorkTracing tracing;
    private final Path workdir;

    public LocalActivities(RunRecord record, Model model, Model judge, ToolRunner tools, RateLimits rateLimits, PriceTable prices,
                           Clock clock, EventSink events, WorkTracing tracing, Path workdir) {
        this.record = record;
        this.model = model;
        this.judge = judge;
        this.tools = tools;
        this.rateLimits = rateLimits;
        this.prices = prices;
        this.clock = clock;
        this.events = events;
        this.tracing = tracing;
        this.workdir = workdir;
    }

    @Override
    public RunEvent.ModelCalled callModel(String key, String step, int attempt, int iteration, Prompt prompt) {
        var recorded = record.get(key, RunEvent.ModelCalled.class);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Span span = tracing.call("model " + model.name(), step);
        try {
            long start = System.nanoTime();
            Completion c = withRetries(prompt);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            double cost = prices.cost(model.name(), c.usage().inputTokens(), c.usage().outputTokens());
            RunEvent.ModelCalled e = new RunEvent.ModelCalled(now(), key, step, attempt, iteration, model.name(), c.text(), c.toolCalls(),
                    c.usage().inputTokens(), c.usage().outputTokens(), cost, millis);
            record.append(e);
            events.accept(new WorkEvent.ModelCalled(e.at(), record.runId(), step, attempt, c.usage().totalTokens(), cost, Duration.ofMillis(millis)));
            return e;
        } finally {
            span.end();
        }
    }

    private Completion withRetries(Prompt prompt) {
        ModelException last = null;
        for (int i = 0; i < MODEL_TRIES; i++) {
            try {
                return model.generate(prompt, Deadline.in(Duration.ofMinutes(2)));
            } catch (ModelException e) {
                last = e;
                if (!e.retryable()) {
                    throw e;
                }
                Duration wait = e instanceof ModelException.RateLimited r && r.retryAfter().isPresent()
                        ? r.retryAfter().get() : Duration.ofMillis(200L << i);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    @Override
    public ToolResult callTool(String key, String step, ToolCall call) {
        var finished = record.get(key + ":done", RunEvent.ToolFinished.class);
        if (finished.isPresent()) {
            return result(finished.get());
        }
        // Recorded before the call: a crash between here and the result re-runs the call with the same
        // id, which a side-effecting tool uses as its idempotency key.
        record.append(new RunEvent.ToolStarted(now(), key, step, call.name(), call.arguments()));
        Span span = tracing.call("tool " + call.name(), step);
        long start = System.nanoTime();
        ToolRunner.Audited audited;
        try {
            rateLimits.acquire(call);
            audited = tools.runAudited(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            audited = new ToolRunner.Audited(new ToolResult.Failed("interrupted", true), "interrupted", "none");
        } finally {
            span.end();
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String outcome = switch (audited.result()) {
            case ToolResult.Ok ok -> "ok";
            case ToolResult.Failed f -> "error";
            case ToolResult.Refused r -> "refused";
        };
        RunEvent.ToolFinished done = new RunEvent.ToolFinished(now(), key + ":done", step, call.name(), outcome,
                audited.result() instanceof ToolResult.Failed f ? f.message() : audited.result() instanceof ToolResult.Refused r ? r.reason()
                        : audited.result().content(), audited.verdict() + " (" + audited.rule() + ")", millis);
        record.append(done);
        events.accept(new WorkEvent.ToolCalled(done.at(), record.runId(), step, call.name(), outcome, Duration.ofMillis(millis)));
        return result(done);
    }

    private static ToolResult result(RunEvent.ToolFinished e) {
        return switch (e.outcome()) {
            case "ok" -> new ToolResult.Ok(e.content());
            case "error" -> new ToolResult.Failed(e.content(), false);
            default -> new ToolResult.Refused(e.content());
        };
    }

    @Override
    public GateVerdict checkGate(String key, String step, int attempt, Gate gate, String output) {
        var recorded = record.get(key, RunEvent.GateChecked.class);
        if (recorded.isPresent()) {
            RunEvent.GateChecked g = recorded.get();
            return switch (g.verdict()) {
                case "pass" -> new GateVerdict.Pass(g.gate(), g.note());
                case "pause" -> new GateVerdict.Pause(g.gate(), g.note());
                default -> new GateVerdict.Fail(g.gate(), g.findings());
            };
        }
        GateVerdict v;
        try {
            v = gate.check(new GateInput(record.runId(), step, attempt, output, Outputs.json(output), documentsRead(), judge, workdir));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            v = new GateVerdict.Fail(gate.name(), List.of("interrupted"));
        } catch (Exception e) {
            v = new GateVerdict.Fail(gate.name(), List.of("the gate could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        RunEvent.GateChecked e = switch (v) {
            case GateVerdict.Pass p -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), "pass", List.of(), p.note());
            case GateVerdict.Fail f -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), "fail", f.findings(), "");
            case GateVerdict.Pause p -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), "pause", List.of(), p.reason());
        };
        record.append(e);
        events.accept(new WorkEvent.GateChecked(e.at(), record.runId(), step, attempt, gate.name(), e.verdict()));
        return v;
    }

    /** Instruction documents opened so far in this run. */
    private Set<String> documentsRead() {
        Set<String> read = new HashSet<>();
        for (RunEvent.ToolStarted s : record.events(RunEvent.ToolStarted.class)) {
            if (s.tool().equals(OpenInstructionsTool.NAME) && record.get(s.key() + ":done", RunEvent.ToolFinished.class)
                    .filter(f -> f.outcome().equals("ok")).isPresent()) {
                Outputs.json(s.arguments()).ifPresent(j -> read.add(j.path("path").asText()));
            }
        }
        return read;
    }

    @Override
    public void record(RunEvent event) {
        if (record.get(event.key()).isPresent()) {
            return;
        }
        record.append(event);
        switch (event) {
            case RunEvent.StepStarted s -> {
                tracing.attemptStarted(s.step(), s.attempt());
                events.accept(new WorkEvent.StepStarted(s.at(), record.runId(), s.step(), s.attempt()));
            }
            case RunEvent.StepEnded s -> {
                tracing.stepEnded(s.step());
                events.accept(new WorkEvent.StepEnded(s.at(), record.runId(), s.step(), s.status(), s.attempts()));
            }
            case RunEvent.Paused p -> events.accept(new WorkEvent.RunPaused(p.at(), record.runId(), p.step(), p.reason()));
            case RunEvent.Finished f -> events.accept(new WorkEvent.RunFinished(f.at(), record.runId(), f.status(), f.reason()));
            default -> { }
        }
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public <T> List<T> inParallel(List<Supplier<T>> tasks) {
        if (tasks.size() == 1) {
            return List.of(tasks.getFirst().get());
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> t : tasks) {
                futures.add(pool.submit(t::get));
            }
            List<T> out = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure
                            : e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    out.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while steps ran in parallel", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        }
    }
}
