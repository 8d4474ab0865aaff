package dev.chassis.work.internal;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.core.time.Deadline;
import dev.chassis.core.tool.Effect;
import dev.chassis.core.tool.PolicyDecision;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolRunner;
import dev.chassis.work.budget.PriceTable;
import dev.chassis.work.flow.Activities;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateInput;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.instructions.OpenInstructionsTool;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.ToolOutcome;
import dev.chassis.work.journal.Verdict;
import dev.chassis.work.observe.WorkEvent;
import dev.chassis.work.observe.WorkTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The side-effect layer of a run in this process: model calls (retried with backoff on transient
 * failures), tool calls through the policy and rate limits, gate checks, all journaled under their
 * keys before their results are used, and replayed from the record when already there. A call the
 * policy says to ask about runs only once a person allowed it (a decision in the record), unless the
 * harness has an {@link dev.chassis.core.tool.Approver} that decides at once. Owns the executor of
 * parallel steps for the duration of one {@code run}. Built with {@link #builder()}.
 */
public final class LocalActivities implements Activities {

    private static final Duration MODEL_DEADLINE = Duration.ofMinutes(2);

    private final RunRecord record;
    private final Model model;
    private final Model judge;
    private final ToolRunner tools;
    private final ToolPolicy policy;
    private final boolean asksPause;
    private final RateLimits rateLimits;
    private final PriceTable prices;
    private final Clock clock;
    private final EventSink events;
    private static final AttributeKey<String> VERDICT = AttributeKey.stringKey("chassis.gate.verdict");
    private final WorkTracing tracing;
    private final Path workdir;
    private final ModelRetry retry;

    private LocalActivities(Builder b) {
        this.record = Objects.requireNonNull(b.record, "record");
        this.model = Objects.requireNonNull(b.model, "model");
        this.judge = Objects.requireNonNullElse(b.judge, b.model);
        this.tools = Objects.requireNonNull(b.tools, "tools");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.asksPause = b.asksPause;
        this.rateLimits = Objects.requireNonNullElse(b.rateLimits, new RateLimits(List.of()));
        this.prices = Objects.requireNonNullElse(b.prices, PriceTable.defaults());
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.events = Objects.requireNonNullElse(b.events, EventSink.NONE);
        this.tracing = Objects.requireNonNull(b.tracing, "tracing");
        this.workdir = Objects.requireNonNull(b.workdir, "workdir");
        this.retry = b.retryModel ? new ModelRetry(model.name()) : null;
    }

    /** Tries a model call gets here when retried (the first included); an engine that retries calls itself uses the same. */
    public static final int MODEL_TRIES = ModelRetry.TRIES;
    /** The wait before the second try; each further wait doubles (or is what a rate-limited provider asked for). */
    public static final Duration MODEL_FIRST_WAIT = ModelRetry.FIRST_WAIT;

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RunEvent.ModelCalled callModel(String key, String step, int attempt, int iteration, Prompt prompt) {
        var recorded = record.get(key, RunEvent.ModelCalled.class);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Span span = tracing.call("model " + model.name(), step);
        try (Scope ignored = span.makeCurrent()) { // the engine's own span (chat <model>) nests under this call
            long start = System.nanoTime();
            Completion c = retry == null ? model.generate(prompt, Deadline.in(MODEL_DEADLINE))
                    : retry.call(() -> model.generate(prompt, Deadline.in(MODEL_DEADLINE)));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            double cost = prices.cost(model.name(), c.usage().inputTokens(), c.usage().outputTokens());
            span.setAttribute(WorkTracing.COST, cost);   // the price table's, in US dollars: what the run's budget counts
            RunEvent.ModelCalled e = new RunEvent.ModelCalled(now(), key, step, attempt, iteration, model.name(), c.text(), c.toolCalls(),
                    c.usage().inputTokens(), c.usage().outputTokens(), cost, millis);
            record.append(e);
            events.accept(new WorkEvent.ModelCalled(e.at(), record.runId(), step, attempt, c.usage().totalTokens(), cost, Duration.ofMillis(millis)));
            return e;
        } finally {
            span.end();
        }
    }

    @Override
    public ToolStep callTool(String key, String step, ToolCall call) {
        var finished = record.get(key + ":done", RunEvent.ToolFinished.class);
        if (finished.isPresent()) {
            return new ToolStep.Done(finished.get().outcome().result(finished.get().content()));
        }
        Optional<RunEvent.Decided> decided = Optional.empty();
        PolicyDecision decision = policy.decide(call);
        if (decision.effect() == Effect.ASK && asksPause) {
            decided = record.get(EventKeys.decisionFor(EventKeys.toolPause(key)), RunEvent.Decided.class);
            if (decided.isEmpty()) {
                return new ToolStep.Ask(decision.reason(), call.name() + " " + call.arguments());
            }
            if (!decided.get().approved()) {
                record.append(new RunEvent.ToolStarted(now(), key, step, call.name(), call.arguments())); // the refused call's arguments, for the audit trail
                return new ToolStep.Done(finish(key, step, call, new ToolRunner.Audited(new ToolResult.Refused("a person refused this call: "
                        + by(decided.get())), "asked_and_refused", decision.ruleDescription()), 0));
            }
        }
        // Recorded before the call: a crash between here and the result re-runs the call with the same
        // id, which a side-effecting tool uses as its idempotency key.
        record.append(new RunEvent.ToolStarted(now(), key, step, call.name(), call.arguments()));
        events.accept(new WorkEvent.ToolStarted(now(), record.runId(), step, call.name(), key));
        Span span = tracing.call("tool " + call.name(), step);
        long start = System.nanoTime();
        ToolRunner.Audited audited;
        try (Scope ignored = span.makeCurrent()) {
            rateLimits.acquire(call);
            audited = decided.isPresent() ? tools.runApproved(call, decided.get().by()) : tools.runAudited(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            audited = new ToolRunner.Audited(new ToolResult.Failed("interrupted", true), "interrupted", "none");
        } catch (RuntimeException e) {
            audited = new ToolRunner.Audited(new ToolResult.Failed(e.getMessage(), true), "allowed", "none");
        } finally {
            span.end();
        }
        return new ToolStep.Done(finish(key, step, call, audited, Duration.ofNanos(System.nanoTime() - start).toMillis()));
    }

    private ToolResult finish(String key, String step, ToolCall call, ToolRunner.Audited audited, long millis) {
        ToolOutcome outcome = ToolOutcome.of(audited.result());
        RunEvent.ToolFinished done = new RunEvent.ToolFinished(now(), key + ":done", step, call.name(), outcome,
                ToolOutcome.content(audited.result()), audited.verdict() + " (" + audited.rule() + ")", millis);
        record.append(done);
        events.accept(new WorkEvent.ToolCalled(done.at(), record.runId(), step, call.name(), outcome, Duration.ofMillis(millis)));
        return outcome.result(done.content());
    }

    /** A gate's verdict on its span: pass, fail (an error status with the findings), pause or wait. */
    private static void verdict(Span span, GateVerdict v) {
        switch (v) {
            case GateVerdict.Pass p -> span.setAttribute(VERDICT, "pass");
            case GateVerdict.Fail f -> span.setAttribute(VERDICT, "fail").setStatus(StatusCode.ERROR, String.join("; ", f.findings()));
            case GateVerdict.Pause p -> span.setAttribute(VERDICT, "pause");
            case GateVerdict.Wait w -> span.setAttribute(VERDICT, "wait");
        }
    }

    private static String by(RunEvent.Decided d) {
        return d.by() + (d.note().isBlank() ? "" : " (" + d.note() + ")");
    }

    @Override
    public GateVerdict checkGate(String key, String step, int attempt, Gate gate, String output) {
        var recorded = record.get(key, RunEvent.GateChecked.class);
        if (recorded.isPresent()) {
            RunEvent.GateChecked g = recorded.get();
            return switch (g.verdict()) {
                case PASS -> new GateVerdict.Pass(g.gate(), g.note());
                case PAUSE -> new GateVerdict.Pause(g.gate(), g.note());
                case WAIT -> new GateVerdict.Wait(g.gate(), g.note());
                case FAIL -> new GateVerdict.Fail(g.gate(), g.findings());
            };
        }
        GateVerdict v;
        Span span = tracing.call("gate " + gate.name(), step);
        try (Scope ignored = span.makeCurrent()) { // a judge gate's model call nests under it
            v = gate.check(new GateInput(record.runId(), step, attempt, output, JsonAnswer.json(output), documentsRead(), judge, workdir));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            v = new GateVerdict.Fail(gate.name(), List.of("interrupted"));
        } catch (Exception e) {
            v = new GateVerdict.Fail(gate.name(), List.of("the gate could not run: " + e.getMessage()));
        }
        verdict(span, v);
        span.end();
        RunEvent.GateChecked e = switch (v) {
            case GateVerdict.Pass p -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), Verdict.PASS, List.of(), p.note());
            case GateVerdict.Fail f -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), Verdict.FAIL, f.findings(), "");
            case GateVerdict.Pause p -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), Verdict.PAUSE, List.of(), p.reason());
            case GateVerdict.Wait w -> new RunEvent.GateChecked(now(), key, step, attempt, gate.name(), Verdict.WAIT, List.of(), w.reason());
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
                    .filter(f -> f.outcome() == ToolOutcome.OK).isPresent()) {
                JsonAnswer.json(s.arguments()).ifPresent(j -> read.add(j.path("path").asText()));
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
            case RunEvent.Paused p -> events.accept(new WorkEvent.RunPaused(p.at(), record.runId(), p.step(), p.kind(), p.reason(), p.asks()));
            case RunEvent.Finished f -> events.accept(new WorkEvent.RunFinished(f.at(), record.runId(), f.status(), f.reason()));
            case RunEvent.Started s -> { }
            case RunEvent.ModelCalled m -> { }
            case RunEvent.ToolStarted t -> { }
            case RunEvent.ToolFinished t -> { }
            case RunEvent.GateChecked g -> { }
            case RunEvent.Decided d -> { }
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

    /** Builds {@link LocalActivities} for one run; judge, rate limits, prices and events have defaults. Not thread-safe. */
    public static final class Builder {
        private RunRecord record;
        private Model model;
        private Model judge;
        private ToolRunner tools;
        private ToolPolicy policy;
        private boolean asksPause = true;
        private boolean retryModel = true;
        private RateLimits rateLimits;
        private PriceTable prices;
        private Clock clock;
        private EventSink events;
        private WorkTracing tracing;
        private Path workdir;

        private Builder() {
        }

        public Builder record(RunRecord record) {
            this.record = record;
            return this;
        }

        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        public Builder judge(Model judge) {
            this.judge = judge;
            return this;
        }

        /** The tools, with the policy they run under; calls the policy says to ask about pause the run unless {@code asksPause} is false. */
        public Builder tools(ToolRunner tools, ToolPolicy policy, boolean asksPause) {
            this.tools = tools;
            this.policy = policy;
            this.asksPause = asksPause;
            return this;
        }

        /** Whether a failed model call is tried again here (default); false for an engine that retries activities itself. */
        public Builder retryModel(boolean retry) {
            this.retryModel = retry;
            return this;
        }

        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        public Builder prices(PriceTable prices) {
            this.prices = prices;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder events(EventSink events) {
            this.events = events;
            return this;
        }

        public Builder tracing(WorkTracing tracing) {
            this.tracing = tracing;
            return this;
        }

        public Builder workdir(Path workdir) {
            this.workdir = workdir;
            return this;
        }

        /** @throws NullPointerException naming the first required setting not given */
        public LocalActivities build() {
            return new LocalActivities(this);
        }
    }
}
