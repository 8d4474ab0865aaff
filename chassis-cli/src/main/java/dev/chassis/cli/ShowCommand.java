package dev.chassis.cli;

import dev.chassis.core.journal.Journal;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.work.RunDetail;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.journal.RunUsage;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis show}: one run from its journal, step by step, with what it waits for. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {"Show one run: its steps, gate verdicts, tool calls and what it waits for.", "",
                "Read from the run's journal: each step's end and tries, every gate verdict, every tool call with its "
                + "arguments, outcome and the tool policy's verdict, and what the run used. A paused run shows exactly what "
                + "it asks a person to decide on: the draft to approve, or the tool call with its arguments."},
        footer = {"", "Examples:", "  chassis show recruit-brief-20251124-101500", "  chassis show onboarding-20250303-091500 --out /tmp/runs"})
final class ShowCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run id>", description = "The run ('chassis runs' lists them).")
    String id;

    @Mixin
    RunsFolderOption out = new RunsFolderOption();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        RunStore store = new RunStore(out.folder);
        RunInfo info = store.find(id);
        o.println("Run:      " + info.id() + " (" + info.kind() + "), " + info.status().label() + (info.detail().isBlank() ? "" : ": " + info.detail()));
        o.println("File:     " + info.input() + " · engine " + info.model() + " · started " + WHEN.format(info.started()));
        try (Journal journal = store.journal(id)) {
            String attempt = RunStore.current(id, journal).orElseThrow();
            RunDetail detail = RunDetail.read(journal, attempt).orElseThrow();
            if (!attempt.equals(id)) {
                o.println("Attempt:  " + attempt);
            }
            o.println();
            detail.steps().forEach(s -> step(o, s));
            RunUsage used = total(detail);
            o.printf(Locale.ROOT, "%nUsed:     %d model calls, %d tool calls, %d tokens, $%.4f%n", used.modelCalls(), used.toolCalls(),
                    used.tokens(), used.cost());
            detail.summary().pending().ifPresent(p -> pending(o, info, p));
        }
        o.flush();
        return 0;
    }

    private static RunUsage total(RunDetail d) {
        return d.steps().stream().map(RunDetail.Step::usage).reduce(RunUsage.NONE, RunUsage::plus);
    }

    private static void step(PrintWriter o, RunDetail.Step s) {
        String mark = s.ended().map(e -> switch (e) {
            case SUCCEEDED -> "✓";
            case FAILED -> "✗";
            case SKIPPED -> "·";
        }).orElse("▸");
        o.println(mark + " " + s.step() + ": " + s.ended().map(e -> e.label()).orElse("not ended") + (s.attempts() > 1 ? " after "
                + s.attempts() + " attempts" : "") + (s.reason().isBlank() ? "" : " (" + s.reason() + ")"));
        for (RunDetail.Gate g : s.gates()) {
            o.println("    gate " + g.gate() + " #" + g.attempt() + ": " + g.verdict().label()
                    + (g.findings().isEmpty() ? "" : " — " + String.join("; ", g.findings())));
        }
        for (RunDetail.ToolCall t : s.tools()) {
            o.println("    tool " + t.tool() + " " + brief(t.arguments()) + ": " + t.outcome().map(x -> x.label()).orElse("unfinished")
                    + (t.policy().isBlank() ? "" : " · policy " + t.policy()));
        }
    }

    private static void pending(PrintWriter o, RunInfo info, RunOutcome.Pause p) {
        o.println();
        o.println("Waiting:  step " + p.step() + " waits for " + p.kind().label() + ": " + p.reason());
        p.asks().ifPresent(asks -> PendingView.print(o, p.kind(), asks));
        o.println("          chassis approve " + info.id() + " --note \"...\"   or   chassis reject " + info.id());
    }

    private static String brief(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 100 ? one.substring(0, 97) + "..." : one;
    }
}
