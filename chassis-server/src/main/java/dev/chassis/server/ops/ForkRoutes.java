package dev.chassis.server.ops;

import dev.chassis.core.input.Ids;
import dev.chassis.research.ops.workflow.FlowRuns;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import dev.chassis.work.RunDiff;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Optional;

/**
 * Forks and diffs of workflow runs: {@code POST /api/runs/{run}/forks} re-runs a run from one of its steps with
 * another engine or instruction (and the server's ledger as it is now), as a new run beside it;
 * {@code GET /api/runs/{run}/diff/{other}} compares two runs step by step.
 */
public final class ForkRoutes {

    /**
     * The body of a fork.
     *
     * @param from        the step to re-run from; the steps before it are reused as they were
     * @param model       another engine for the re-run steps ({@code offline}, {@code openai:gpt-4.1-mini}); the run's when absent
     * @param instruction the new instruction of the {@code from} step; its own when absent
     */
    public record ForkBody(String from, String model, String instruction) {
    }

    /** A fork being made: its id (its page and {@code GET /api/runs/{id}}), the run it is of and the step it re-runs from. */
    public record ForkStarted(String id, String of, String from) {
    }

    /**
     * Two runs compared: each step on both sides (status, attempts, gate verdicts, output, cost, time), the steps
     * that differ, and the same as lines of text ({@code chassis diff}'s).
     */
    public record DiffView(String runA, String runB, List<RunDiff.StepDiff> steps, List<String> changed, List<String> lines) {
    }

    private static final int MAX_INSTRUCTION = 20_000;

    private final Runs runs;
    private final int maxBody;

    public ForkRoutes(Runs runs, int maxBody) {
        this.runs = runs;
        this.maxBody = maxBody;
    }

    public void register(RoutesConfig r) {
        r.post("/api/runs/{run}/forks", ctx -> {
            String run = ctx.pathParam("run");
            ForkBody body = Json.body(ctx, ForkBody.class, maxBody);
            if (body.from() == null || body.from().isBlank()) {
                throw ApiException.badRequest("'from' is required: the step to re-run from");
            }
            if (body.instruction() != null && body.instruction().length() > MAX_INSTRUCTION) {
                throw ApiException.badRequest("instruction must be at most " + MAX_INSTRUCTION + " characters");
            }
            FlowRuns.ForkRequest change = new FlowRuns.ForkRequest(body.from().strip(), blankless(body.model()), blankless(body.instruction()),
                    Optional.empty());
            String fork = runs.fork(run, change);
            ctx.status(202).json(new ForkStarted(fork, run, change.from()));
        });
        r.get("/api/runs/{run}/diff/{other}", ctx -> {
            String a = ctx.pathParam("run");
            String b = ctx.pathParam("other");
            if (!Ids.valid(a) || !Ids.valid(b)) {
                throw ApiException.notFound("no run '" + Ids.printable(Ids.valid(a) ? b : a) + "'");
            }
            RunDiff d = runs.diff(a, b);
            ctx.json(new DiffView(d.runA(), d.runB(), d.steps(), d.changed().stream().map(RunDiff.StepDiff::step).toList(), d.lines()));
        });
    }

    private static Optional<String> blankless(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(x -> !x.isEmpty());
    }
}
