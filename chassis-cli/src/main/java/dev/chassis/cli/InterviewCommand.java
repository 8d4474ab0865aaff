package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.interview.Interviewer;
import dev.chassis.research.interview.StudyLedger;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import dev.chassis.talk.channel.Conversation;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.channel.TerminalChannel;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.directive.Directive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chassis interview}: the AI interviewer in the terminal with you as the participant. Each
 * turn is journaled as it happens and the transcript rewritten after it, so an interview that is
 * cut off (a crash, a closed terminal) continues with {@code --resume}.
 */
@Command(name = "interview", mixinStandardHelpOptions = true,
        description = {"Be interviewed by the AI interviewer in the terminal.", "",
                "The interviewer follows the guide: replies stream as they are generated, and after each one a status line shows "
                + "objective coverage, your engagement as the monitors read it, the signal that steered the reply and the time "
                + "to its first words. Press Enter while a reply is streaming to cut in. /exit (or Ctrl-D) ends the interview; "
                + "the transcript is saved after every turn."},
        footer = {"", "Examples:", "  chassis interview --guide examples/guides/onboarding-en.yaml",
                "  chassis interview --guide examples/guides/onboarding-de.yaml --lang de",
                "  chassis interview --guide my-guide.yaml --model openai:gpt-4.1-mini",
                "  chassis interview --guide examples/guides/onboarding-en.yaml --resume onboarding-2025-20251124-101500"})
final class InterviewCommand implements Callable<Integer> {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--guide", required = true, paramLabel = "<guide.yaml>", description = "The interview guide.")
    Path guide;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    LedgerOption ledger = new LedgerOption();

    @Option(names = "--lang", paramLabel = "<xx>", description = "The language to hold it in, one of the guide's (default: the guide's first).")
    String lang;

    @Option(names = "--out", defaultValue = "chassis-out/interviews", paramLabel = "<dir>",
            description = "Where the journal and transcripts go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", paramLabel = "<session>", description = "Continue an interview that was cut off.")
    String resume;

    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    /** A line typed while a reply streams cuts it; piped input (a script) is answered turn by turn instead. */
    boolean interactive = System.console() != null;
    /** How the harness is warmed up before the opening (tests count it). */
    BiConsumer<TalkHarness, StagedContext> warmUp = TalkHarness::warmUp;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        if (resume != null) {
            Ids.check("--resume", resume);
        }
        Guide g = GuideFile.load(guide);
        String language = lang == null ? g.language() : lang;
        if (!g.languages().contains(language)) {
            throw new InvalidInputException("", 0, "--lang", "'" + language + "' is not one of the guide's languages " + g.languages());
        }
        g.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        Model engine = model.create();
        Model shown = engine instanceof OfflineModel ? OfflineModel.builder().pacing(Pacing.LIVELY).build() : engine;
        if (!g.hasText(language)) {
            spec.commandLine().getErr().println(engine instanceof OfflineModel
                    ? "warning: the guide has no " + language + " text; the offline engine asks its questions as written"
                    : "the guide has no " + language + " text: " + engine.name() + " translates its questions");
        }
        FileJournal journal = new FileJournal(out.resolve("journal"));
        if (resume != null && journal.read(resume).isEmpty()) {
            throw new InvalidInputException("", 0, "--resume", "no interview '" + resume + "' in " + out.resolve("journal")
                    + "; the session id is printed when an interview ends (use the same --out)");
        }
        HealthLine health = new HealthLine(line -> {
            synchronized (o) {
                o.println();
                o.println("      " + line);
                o.flush();
            }
        });
        Optional<Ledger> fixes = StudyLedger.choose(ledger.folder(), g);
        TalkHarness.Builder hb = TalkHarness.builder().model(shown).fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build())
                .journal(journal).events(health);
        fixes.ifPresent(hb::ledger);
        TalkHarness h = hb.build();
        StagedContext staged = h.stage(g.briefing(language, Map.of()));
        warmUp.accept(h, staged);   // the person's first answer is met by the interviewer, not by the cold JVM's deadline bridge
        BlockingQueue<Frame.In> input = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().name("interview-input").start(() -> readLines(input));
        try (Session s = resume == null ? h.open(staged, g.study() + "-" + ID.format(Instant.now()))
                : h.resume(resume)) {
            Path transcript = out.resolve(s.id() + ".json");
            TerminalChannel terminal = new TerminalChannel(o, "AI  › ");
            Conversation talk = new Conversation(s, terminal);
            o.printf("Interview \"%s\" (%s) on %s — session %s%n", g.title(), language, shown.name(), s.id());
            fixes.ifPresent(l -> o.println("Ledger: " + StudyLedger.describe(l, "talk")));
            o.printf("Press Enter while a reply streams to cut in; /exit ends.%n%n");
            o.flush();
            if (resume == null) {
                TurnRecord opening = streamed(talk, talk.open(), input, interactive);
                status(o, s.state(), opening);
            } else {
                terminal.send(new Frame.Hello(s.id(), true, false, -1, s.state().transcript()));
            }
            save(s, transcript);
            conversation:
            while (!(s.state().lastDirective().orElse(null) instanceof Directive.WrapUp)) {
                o.print("you › ");
                o.flush();
                switch (input.take()) {
                    case Frame.Say say when !say.text().isBlank() -> {
                        TurnRecord r = streamed(talk, talk.say(Utterance.of(say.text())), input, interactive);
                        status(o, s.state(), r);
                        save(s, transcript);
                    }
                    case Frame.Stop stop -> {
                        break conversation;
                    }
                    default -> { }   // a blank line: ask again
                }
            }
            save(s, transcript);
            o.println();
            o.println("Transcript: " + transcript.toAbsolutePath().normalize());
            o.println("Session:    " + s.id() + " (continue with --resume " + s.id() + ")");
            o.flush();
            return 0;
        } finally {
            reader.interrupt();
        }
    }

    /** Waits for a streaming reply; whatever the person types meanwhile cuts it (the terminal shows a dash) and is answered next. */
    private static TurnRecord streamed(Conversation talk, CompletableFuture<TurnRecord> reply, BlockingQueue<Frame.In> input,
                                       boolean cutIn) throws InterruptedException {
        while (cutIn && !reply.isDone()) {
            Frame.In typed = input.poll(20, TimeUnit.MILLISECONDS);
            if (typed != null) {
                talk.interrupt();
                requeue(input, typed); // answered as the next turn, once the cut reply has settled
                break;
            }
        }
        return reply.join();
    }

    private static void requeue(BlockingQueue<Frame.In> input, Frame.In first) {
        java.util.List<Frame.In> rest = new java.util.ArrayList<>();
        input.drainTo(rest);
        input.add(first);
        input.addAll(rest);
    }

    private static void status(PrintWriter o, SessionState state, TurnRecord r) {
        long covered = state.coverage().values().stream().filter(c -> c.covered()).count();
        String steeredBy = r.signalsUsed().isEmpty() ? r.directive().getClass().getSimpleName().toLowerCase(Locale.ROOT)
                : r.signalsUsed().getLast().describe();
        String latest = latestAlert(state.signals());
        o.printf(Locale.ROOT, "      [covered %d/%d · engagement %.2f · %s · latest signal: %s · first words %s%s]%n", covered,
                state.coverage().size(), state.engagementNow(), steeredBy, latest,
                r.timings().firstDelivered().map(d -> d.toMillis() + " ms").orElse("-"), r.deadlineMissed() ? " (bridged)" : "");
        o.flush();
    }

    private static String latestAlert(List<Signal> signals) {
        for (int i = signals.size() - 1; i >= 0; i--) {
            Signal sig = signals.get(i);
            if (!(sig instanceof Signal.ClaimNoted) && !(sig instanceof Signal.TopicsNoted) && !(sig instanceof Signal.EngagementMeasured)) {
                return sig.describe();
            }
        }
        return "-";
    }

    private static void save(Session s, Path file) {
        TranscriptFiles.writeJson(Interviewer.transcript(s.state(), Optional.empty()), file);
    }

    /**
     * The person's lines as frames: each line said; {@code /exit} (or {@code /quit}) or the end of the input (Ctrl-D) to
     * stop. Any other lone {@code /word} is taken for a mistyped command and never said to the interviewer as an answer.
     */
    private void readLines(BlockingQueue<Frame.In> input) {
        try {
            for (String line = this.input.readLine(); line != null; line = this.input.readLine()) {
                String typed = line.strip();
                if (typed.equals("/exit") || typed.equals("/quit")) {
                    break;
                }
                if (typed.matches("/\\p{L}+")) {
                    PrintWriter o = spec.commandLine().getOut();
                    synchronized (o) {
                        o.println("      (" + typed + " is not a command here: /exit ends the interview; nothing was sent)");
                        o.flush();
                    }
                    continue;
                }
                input.add(new Frame.Say(line));
            }
        } catch (IOException e) {
            // the terminal went away: end the interview as on Ctrl-D
        }
        input.add(new Frame.Stop());
    }
}
