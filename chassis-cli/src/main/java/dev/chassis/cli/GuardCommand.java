package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.IncidentReplayer;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.LedgerReport;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.talk.ledger.LedgerRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis guard}: the mistake ledger — list incidents, add one, replay them all. */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = {"The mistake ledger: every mistake an agent made, the fix that prevents it, and a replay that proves it.", "",
                "The ledger is a folder of YAML files, one per incident (reviewable in git); both harnesses load its fixes at "
                + "start-up. 'check' replays every incident through the harness as configured now, with the recorded model "
                + "output, and fails while a mistake is still possible."},
        subcommands = {GuardCommand.ListIncidents.class, GuardCommand.Add.class, GuardCommand.Check.class},
        footer = {"", "Examples:", "  chassis guard list --ledger examples/ledger", "  chassis guard check --ledger examples/ledger",
                "  chassis guard add --ledger ledger --id promised-amount --harness work --title 'Promised a payment amount' \\",
                "      --where invite --output 'We will pay you $500!' --mistake 'output-matches:\\$\\d+' \\",
                "      --block-output 'invite:\\$\\d+' --reason 'never promise amounts'",
                "  chassis guard add --session onboarding-2025-20261201-101500 --turn 3 --guide examples/guides/onboarding-en.yaml \\",
                "      --title 'Asked on after a refusal' --steer 'answer~(?i)rather not=>move-on' --reason 'a refusal is final'",
                "", "Quote text with '$' in single quotes: in double quotes the shell replaces $5 with nothing."})
final class GuardCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String DEFAULT_LEDGER = "ledger";

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the incidents and their fixes.")
    static final class ListIncidents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ledger", defaultValue = DEFAULT_LEDGER, paramLabel = "<dir>", description = "The ledger folder (default: ${DEFAULT-VALUE}).")
        Path ledger;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Ledger l = Ledger.load(ledger);
            if (l.incidents().isEmpty()) {
                o.println("No incidents in " + ledger.toAbsolutePath().normalize() + ". Add one with 'chassis guard add'.");
                return 0;
            }
            o.printf("%-28s %-5s %-40s %-30s %s%n", "INCIDENT", "HARN.", "TITLE", "MISTAKE", "FIXES");
            for (Incident i : l.incidents()) {
                o.printf("%-28s %-5s %-40s %-30s %s%n", i.id(), i.harness(), cut(i.title(), 40), cut(i.mistake().kind() + " " + i.mistake().pattern(), 30),
                        i.fixes().isEmpty() ? "none yet" : String.join(", ", i.fixes().stream().map(GuardCommand::describe).toList()));
            }
            o.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Replay every incident; fail while any mistake is still possible.", "",
                    "Work incidents replay through the work harness with the recorded model output and stand-in tools (no side "
                    + "effects). Talk incidents replay the recorded answer through a live session staged from the guide named in "
                    + "the incident's evidence (details.guide, relative to the ledger), else --guide."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ledger", defaultValue = DEFAULT_LEDGER, paramLabel = "<dir>", description = "The ledger folder (default: ${DEFAULT-VALUE}).")
        Path ledger;

        @Option(names = "--guide", paramLabel = "<guide.yaml>", description = "Guide for talk incidents that name none.")
        Path guide;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            if (!java.nio.file.Files.isDirectory(ledger)) {
                throw new InvalidInputException(ledger.toString(), 0, "--ledger",
                        "there is no ledger folder here: name the folder of incident files, or start one with 'chassis guard add'");
            }
            Ledger l = Ledger.load(ledger);
            if (l.incidents().isEmpty()) {
                spec.commandLine().getErr().println("The ledger " + ledger.toAbsolutePath().normalize()
                        + " holds no incidents: nothing is proven, so the check fails. Add one with 'chassis guard add'.");
                return CliErrors.FAILED;
            }
            LedgerReport report = l.check(Replayers.all(ledger, guide));
            report.lines().forEach(o::println);
            long prevented = report.results().stream().filter(r -> r instanceof dev.chassis.core.ledger.ReplayResult.Prevented).count();
            o.printf("%d of %d incidents prevented%s%n", prevented, report.results().size(), report.passed() ? "" : ": the ledger check fails");
            o.flush();
            return report.passed() ? 0 : CliErrors.FAILED;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Record an incident, from a YAML file, from options, or from a turn of a recorded interview, and replay it at once.", "",
                    "A mistake is '<kind>:<pattern>': output-matches:<regex> or tool-called:<tool glob> (work), "
                    + "directive-is:<directive> (talk). Fixes: --deny-tool, --block-output, --steer, --note.",
                    "With --session and --turn the incident is the interviewer's turn of that transcript: it is replayed with the "
                    + "ledger as it is (the mistake must recur; without --mistake, the mistake is the directive the turn gets) and "
                    + "with the fix (it must not), and written only then. A fix that does not prevent it is not written."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--ledger", defaultValue = DEFAULT_LEDGER, paramLabel = "<dir>", description = "The ledger folder (default: ${DEFAULT-VALUE}).")
        Path ledger;

        @Parameters(arity = "0..1", paramLabel = "<incident.yaml>", description = "An incident file to add (its name is its id).")
        Path file;

        @Option(names = "--id", paramLabel = "<id>", description = "The incident's id and file name: lower-case letters, digits and '-'.")
        String id;
        @Option(names = "--harness", paramLabel = "<work|talk>", description = "Which harness made the mistake: work (a run's step) or talk (an interview turn).")
        String harness;
        @Option(names = "--title", paramLabel = "<text>", description = "What went wrong, in a line a reviewer reads in 'guard list'.")
        String title;
        @Option(names = "--flagged-by", defaultValue = "researcher", paramLabel = "<who>", description = "Who saw the mistake (default: ${DEFAULT-VALUE}).")
        String flaggedBy;
        @Option(names = "--source", defaultValue = "", paramLabel = "<run or session>", description = "The run or interview session the mistake was seen in.")
        String source;
        @Option(names = "--where", defaultValue = "", paramLabel = "<step or turn>", description = "Work: the step whose output is replayed; talk: the turn.")
        String where;
        @Option(names = "--input", defaultValue = "", paramLabel = "<text>", description = "What the agent was given (talk: the person's words).")
        String input;
        @Option(names = "--output", defaultValue = "", paramLabel = "<text>", description = "What the agent produced (replayed verbatim).")
        String output;
        @Option(names = "--mistake", paramLabel = "<kind:pattern>", description = "What counts as the mistake: output-matches:<regex>, tool-called:<tool glob> (work) or directive-is:<directive> (talk).")
        String mistake;
        @Option(names = "--guide", paramLabel = "<guide.yaml>", description = "Talk: the guide the session followed.")
        String guide;
        @Option(names = "--deny-tool", paramLabel = "<tool glob>", description = "Fix: deny calls to these tools.")
        String denyTool;
        @Option(names = "--block-output", paramLabel = "<scope:regex>", description = "Fix: refuse output of a step (or *) matching the regex.")
        String blockOutput;
        @Option(names = "--steer", paramLabel = "<when=>then>", description = "Fix (talk): a steering rule, e.g. 'answer~(?i)rather not=>move-on'.")
        String steer;
        @Option(names = "--note", paramLabel = "<target:text>", description = "Fix: a context note for instructions (work) or staged (talk).")
        String note;
        @Option(names = "--reason", defaultValue = "", paramLabel = "<text>", description = "Why the fix exists.")
        String reason;
        @Option(names = "--session", paramLabel = "<session>", description = "Talk: the interview session the mistake was seen in "
                + "(its transcript <session>.json in --transcripts); with --turn.")
        String session;
        @Option(names = "--turn", paramLabel = "<n>", description = "Talk: the number of the interviewer's turn that was wrong, as the transcript numbers them.")
        Integer turn;
        @Option(names = "--transcripts", defaultValue = "chassis-out/interviews", paramLabel = "<dir>",
                description = "Where the session's transcript is (default: ${DEFAULT-VALUE}, where 'chassis interview' writes them).")
        Path transcripts;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            if (session != null || turn != null) {
                return GuardFromTurn.add(this, o, spec.commandLine().getErr());
            }
            Incident incident = file != null ? fromFile(file) : fromOptions();
            Ledger current = Ledger.load(ledger);
            IncidentReplayer replayer = Replayers.all(ledger, guide == null ? null : Path.of(guide)).stream()
                    .filter(r -> r.harness().equals(incident.harness())).findFirst().orElseThrow();
            // An incident proves something only if its evidence, replayed with no fix at all, makes the mistake again.
            ReplayResult bare = replayer.replay(incident.withFixes(List.of()), Ledger.empty(ledger));
            switch (bare) {
                case ReplayResult.StillPossible s -> { }
                case ReplayResult.Prevented p -> {
                    spec.commandLine().getErr().println("Not added: replayed without any fix, the recorded evidence does not make the mistake '"
                            + incident.mistake().kind() + ":" + incident.mistake().pattern() + "' (" + p.how() + "). Check --output "
                            + "and --mistake; in a shell, quote text with '$' in single quotes.");
                    return CliErrors.BAD_INPUT;
                }
                case ReplayResult.NotReplayable n -> {
                    spec.commandLine().getErr().println("Not added: the incident cannot be replayed: " + n.reason());
                    return CliErrors.BAD_INPUT;
                }
            }
            Ledger l = current.add(incident);
            o.println("Added " + incident.id() + " to " + ledger.resolve(incident.id() + ".yaml").toAbsolutePath().normalize());
            LedgerReport report = new LedgerReport(List.of(replayer.replay(incident, l)));
            report.lines().forEach(o::println);
            if (!report.passed()) {
                o.println(incident.fixes().isEmpty() ? "No fix yet: 'chassis guard check' fails until one prevents it."
                        : "The fix does not prevent it yet: 'chassis guard check' fails.");
            }
            o.flush();
            return 0;
        }

        private static Incident fromFile(Path f) {
            if (!f.getFileName().toString().endsWith(".yaml")) {
                throw new InvalidInputException(f.toString(), 0, "", "an incident file is a .yaml file named by its id");
            }
            return Ledger.read(f);
        }

        private Incident fromOptions() {
            require(id, "--id");
            require(harness, "--harness");
            require(title, "--title");
            require(mistake, "--mistake");
            Mistake m = mistake(mistake);
            List<Fix> fixes = fixes();
            Map<String, String> details = guide == null ? Map.of() : Map.of("guide", guide);
            try {
                return new Incident(id, title, harness, Instant.now(), flaggedBy, new Evidence(source, where, input, output, List.of(), details),
                        m, fixes);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("", 0, "--harness", e.getMessage());
            }
        }

        /** A mistake written {@code <kind>:<pattern>}. */
        static Mistake mistake(String written) {
            int colon = written.indexOf(':');
            if (colon <= 0) {
                throw new InvalidInputException("", 0, "--mistake", "write <kind>:<pattern>, e.g. output-matches:\\$\\d+ or tool-called:send_*");
            }
            try {
                return new Mistake(written.substring(0, colon), written.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("", 0, "--mistake", e.getMessage());
            }
        }

        /** The fixes the options give. */
        List<Fix> fixes() {
            List<Fix> fixes = new ArrayList<>();
            if (denyTool != null) {
                fixes.add(new Fix.ToolGuard(denyTool, Map.of(), "deny", reason));
            }
            if (blockOutput != null) {
                int c = blockOutput.indexOf(':');
                fixes.add(c < 0 ? new Fix.OutputGuard("*", blockOutput, reason) : new Fix.OutputGuard(blockOutput.substring(0, c), blockOutput.substring(c + 1), reason));
            }
            if (steer != null) {
                int arrow = steer.indexOf("=>");
                if (arrow <= 0) {
                    throw new InvalidInputException("", 0, "--steer", "write <when>=><then>, e.g. 'answer~(?i)rather not=>move-on'");
                }
                Fix.SteeringRule rule = new Fix.SteeringRule(steer.substring(0, arrow).strip(), steer.substring(arrow + 2).strip(), reason);
                try {
                    LedgerRules.steering(List.of(rule)); // a talk harness must be able to follow it
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("", 0, "--steer", e.getMessage());
                }
                fixes.add(rule);
            }
            if (note != null) {
                int c = note.indexOf(':');
                if (c <= 0) {
                    throw new InvalidInputException("", 0, "--note", "write <target>:<text>, target instructions or staged");
                }
                fixes.add(new Fix.ContextNote(note.substring(0, c), note.substring(c + 1).strip(), reason));
            }
            return fixes;
        }

        private static void require(String value, String option) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("", 0, option, "is required without an incident file");
            }
        }
    }

    static String describe(Fix f) {
        return switch (f) {
            case Fix.ToolGuard t -> t.effect() + " tool " + t.tool();
            case Fix.OutputGuard g -> "block output " + g.scope() + " ~ " + g.pattern();
            case Fix.SteeringRule s -> "steer " + s.when() + " => " + s.then();
            case Fix.ContextNote n -> "note in " + n.target();
            case Fix.ToolChange c -> "tool change " + c.tool();
        };
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
