package dev.chassis.cli;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.EventSink;
import dev.chassis.work.observe.WorkEvent;
import java.io.PrintWriter;

/** Prints a workflow run as it goes: steps with their attempts, tool calls, gate verdicts, pauses. Thread-safe. */
final class WorkflowConsole implements EventSink {

    private final PrintWriter out;

    WorkflowConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(Event event) {
        if (!(event instanceof WorkEvent e)) {
            return;
        }
        String line = switch (e) {
            case WorkEvent.StepStarted s -> "▸ " + s.step() + (s.attempt() > 1 ? " (attempt " + s.attempt() + ")" : "");
            case WorkEvent.ToolCalled t -> "    tool " + t.tool() + ": " + t.outcome().label() + " (" + t.took().toMillis() + " ms)";
            case WorkEvent.GateChecked g -> "    gate " + g.gate() + ": " + g.verdict().label();
            case WorkEvent.StepEnded s -> switch (s.status()) {
                case SUCCEEDED -> "✓ ";
                case FAILED -> "✗ ";
                case SKIPPED -> "· ";
            } + s.step() + " " + s.status().label() + (s.attempts() > 1 ? " after " + s.attempts() + " attempts" : "");
            case WorkEvent.RunPaused p -> "⏸ " + p.step() + ": " + p.reason();
            case WorkEvent.ModelCalled m -> null;
            case WorkEvent.ToolStarted t -> null;
            case WorkEvent.RunFinished f -> null;
            case WorkEvent.JournalWritten j -> null;
        };
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }
}
