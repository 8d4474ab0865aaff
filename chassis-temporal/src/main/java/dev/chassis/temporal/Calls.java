package dev.chassis.temporal;

import dev.chassis.temporal.wire.ChassisRun;
import dev.chassis.temporal.wire.RunState;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.journal.RunStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/** Calls to the Temporal service, with what goes wrong said in plain words (the server, not a Java class). */
final class Calls {

    private Calls() {
    }

    /** The call's result; an unreachable server or a missing run is an error that says so. */
    static <T> T call(WorkflowClient client, Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkflowNotFoundException e) {
            throw new IllegalArgumentException("Temporal has no run '" + e.getExecution().getWorkflowId() + "'", e);
        } catch (StatusRuntimeException e) {
            throw unreachable(client, e);
        } catch (WorkflowServiceException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw unreachable(client, s);
            }
            throw e;
        }
    }

    /**
     * Waits until the run, having taken in {@code decisions} decisions, is paused or ended: through the run's settle
     * update while it runs, through its result once it has ended. A run that takes longer than the server holds an
     * update call open is then watched through its state query, looking again after at most a second.
     */
    static RunOutcome settle(WorkflowClient client, String workflowId, int decisions) {
        ChassisRun run = client.newWorkflowStub(ChassisRun.class, workflowId);
        try {
            return run.settle(decisions).outcome();
        } catch (WorkflowException ended) {
            if (!deadline(ended.getCause())) {
                return result(client, workflowId); // the run closed before (or while) the update was asked
            }
        } catch (StatusRuntimeException e) {
            if (!deadline(e)) {
                throw unreachable(client, e);
            }
        }
        long wait = 100;
        while (true) {
            if (!running(client, workflowId)) {
                return result(client, workflowId);
            }
            RunState s = call(client, run::state);
            if (s.decisions() >= decisions && s.outcome().status() != RunStatus.RUNNING) {
                return s.outcome();
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped waiting for run '" + workflowId + "'; it goes on on Temporal", e);
            }
            wait = Math.min(wait * 2, 1_000);
        }
    }

    private static RunOutcome result(WorkflowClient client, String workflowId) {
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
        try {
            return call(client, () -> stub.getResult(RunOutcome.class));
        } catch (WorkflowFailedException failed) {
            throw new IllegalStateException("run '" + workflowId + "' stopped on Temporal: " + why(failed), failed);
        }
    }

    /** Whether the call ran out of time on the server's side (a long poll ended), not because the server is away. */
    private static boolean deadline(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException s) {
                return s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
            }
        }
        return false;
    }

    /** Whether the run's workflow execution is still open. */
    private static boolean running(WorkflowClient client, String workflowId) {
        try {
            return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace()).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
                    .getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (StatusRuntimeException e) {
            throw unreachable(client, e);
        }
    }

    /** Whether Temporal has a run with this workflow id (running or closed). */
    static boolean exists(WorkflowClient client, String workflowId) {
        try {
            client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace()).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw unreachable(client, e);
        }
    }

    private static String why(WorkflowFailedException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApplicationFailure a) {
                return a.getOriginalMessage();
            }
        }
        return e.getCause() == null ? "it failed" : e.getCause().getMessage();
    }

    private static IllegalStateException unreachable(WorkflowClient client, StatusRuntimeException e) {
        String target = client.getWorkflowServiceStubs().getOptions().getTarget();
        String where = target == null ? "the Temporal service" : "the Temporal service at " + target;
        return new IllegalStateException(where + " did not answer (" + e.getStatus().getCode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + "); is it running, and is the address right (--temporal-target host:port)?", e);
    }
}
