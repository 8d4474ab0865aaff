package dev.chassis.cli;

import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.workflow.RunProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a study run to the terminal: one line per step with a check mark, a progress bar of sessions, and
 * the live session's turns as they stream with the signals the monitors raise. Session progress that
 * arrives while a live turn is streaming waits for the end of the turn, so lines never interleave.
 * Thread-safe (one lock around the writer).
 */
final class RunConsole implements RunProgress, SessionEvents {

    private static final List<String> STEPS = List.of("recruit", "schedule", "invite", "conduct", "synthesise", "quality", "report");
    private static final Map<String, String> LABELS = Map.of("recruit", "recruit and screen", "schedule", "schedule",
            "invite", "calendar invites", "conduct", "conduct sessions", "synthesise", "synthesise", "quality", "check quality",
            "report", "write report");
    private static final int BAR = 20;

    private final PrintWriter out;
    private final List<String> pending = new ArrayList<>();
    private boolean midTurn;

    RunConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void stepStarted(String step) {
        if (step.equals("conduct")) {
            line(String.format("[%d/%d] %s ...", STEPS.indexOf(step) + 1, STEPS.size(), LABELS.get(step)));
        }
    }

    @Override
    public synchronized void stepDone(String step, String summary) {
        line(String.format("[%d/%d] %-20s ✓ %s", STEPS.indexOf(step) + 1, STEPS.size(), LABELS.getOrDefault(step, step), summary));
    }

    @Override
    public synchronized void sessionDone(String session, int done, int total, boolean resumed) {
        int full = total == 0 ? BAR : done * BAR / total;
        String bar = "      sessions [" + "█".repeat(full) + "░".repeat(BAR - full) + "] " + done + "/" + total + "  "
                + session + (resumed ? " (saved before, not run again)" : " done");
        if (midTurn) {
            pending.add(bar);
        } else {
            line(bar);
        }
    }

    @Override
    public synchronized void turnStarted(String session, int turn, String speaker) {
        out.print("      " + (speaker.equals("interviewer") ? "AI › " : "P  › "));
        midTurn = true;
        out.flush();
    }

    @Override
    public synchronized void text(String session, String piece) {
        out.print(piece.replace("\n", "\n            "));
        out.flush();
    }

    @Override
    public synchronized void turnEnded(String session, int turn) {
        out.println();
        midTurn = false;
        pending.forEach(this::line);
        pending.clear();
    }

    @Override
    public synchronized void signal(String session, String description) {
        if (midTurn) {
            pending.add("            · " + description);
        } else {
            line("            · " + description);
        }
    }

    /** A status line (the model failing, answers not saved): after the turn being streamed, if one is. */
    synchronized void notice(String status) {
        if (midTurn) {
            pending.add("      " + status);
        } else {
            line("      " + status);
        }
    }

    private void line(String s) {
        out.println(s);
        out.flush();
    }
}
