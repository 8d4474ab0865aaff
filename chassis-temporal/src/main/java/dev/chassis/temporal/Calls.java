package dev.chassis.temporal;

import dev.chassis.temporal.wire.ChassisRun;
import dev.chassis.temporal.wire.RunState;
import dev.chassis.work.RunOutcome;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
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
     * update while it runs, through its result once it has ended.
     */
    static RunOutcome settle(WorkflowClient client, String workflowId, int decisions) {
        try {
            RunState s = call(client, () -> client.newWorkflowStub(ChassisRun.class, workflowId).settle(decisions));
            return s.outcome();
        } catch (WorkflowException ended) {
            // the run closed before (or while) the update was asked: its result says how it ended
            WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
            try {
                return call(client, () -> stub.getResult(RunOutcome.class));
            } catch (WorkflowFailedException failed) {
                throw new IllegalStateException("run '" + workflowId + "' stopped on Temporal: " + why(failed), failed);
            }
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
                + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription())
                + "); is it running, and is the address right (--temporal-target host:port)?", e);
    }
}
