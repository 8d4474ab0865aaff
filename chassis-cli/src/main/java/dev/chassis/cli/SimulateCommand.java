package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.interview.Interview;
import dev.chassis.research.interview.Interviewer;
import dev.chassis.research.interview.StudyLedger;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chassis simulate}: the AI interviewer with a synthetic participant, streamed to the terminal. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Interview a synthetic participant with a guide and watch it live.", "",
                "The interviewer's replies stream as they are generated, the participant's answers follow, and the signals the "
                + "monitors raise (engagement, contradictions, language, coverage) are shown under each turn. Time is simulated: "
                + "a 20-minute interview takes seconds. The transcript is saved as JSON for 'chassis synthesize'."},
        footer = {"", "Examples:", "  chassis simulate --guide examples/guides/onboarding-en.yaml --persona examples/personas/contradicting-founder.yaml",
                "  chassis simulate --guide examples/guides/onboarding-de.yaml --persona examples/personas/german-ops-lead.yaml --seed 7",
                "  chassis simulate --guide my-guide.yaml --persona my-persona.yaml --model openai:gpt-4.1-mini"})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--guide", required = true, paramLabel = "<guide.yaml>", description = "The interview guide.")
    Path guide;

    @Option(names = "--persona", required = true, paramLabel = "<persona.yaml>", description = "The synthetic participant.")
    Path persona;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    LedgerOption ledger = new LedgerOption();

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<n>", description = "The participant's seed: the same seed gives the same answers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "chassis-out/simulate", paramLabel = "<dir>", description = "Where the transcript goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Guide g = GuideFile.load(guide);
        Persona p = PersonaFile.load(persona);
        g.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        Model engine = model.create();
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        Model shown = engine instanceof OfflineModel ? OfflineModel.builder().pacing(Pacing.LIVELY).build() : engine;
        RunConsole console = new RunConsole(o);
        HealthLine health = new HealthLine(console::notice);
        Optional<Ledger> fixes = StudyLedger.choose(ledger.folder(), g);
        Interviewer interviewer = new Interviewer(g, clock -> {
            TalkHarness.Builder b = TalkHarness.builder().model(shown).fallback(fallback).clock(clock).events(health);
            fixes.ifPresent(b::ledger);
            return b.build();
        }, !(shown instanceof OfflineModel));
        o.printf("Interviewing %s (%s) with \"%s\" on %s%n", p.name(), p.id(), g.title(), shown.name());
        fixes.ifPresent(l -> o.println("Ledger: " + StudyLedger.describe(l, "talk")));
        o.println();
        o.flush();
        interviewer.warmUp();   // the first turns are the interviewer's, not the cold JVM's deadline bridge
        String session = g.study() + "-" + Ids.slug(p.id(), 40, "persona");   // a persona's id is its file's name
        Interview interview = interviewer.simulate(new SyntheticParticipant(p, seed), session, console);
        Path file = out.resolve(session + ".json");
        TranscriptFiles.writeJson(interview.transcript(), file);
        o.println();
        long fellBack = interview.state().log().stream().filter(e -> e instanceof SessionEvent.ModelFailed).count();
        o.printf(Locale.ROOT, "%d turns, coverage %.0f%%, engagement at the end %.2f, %d signals, %d deadline misses%s%n",
                interview.transcript().turns().size(), interview.state().coveredShare() * 100, interview.state().engagementNow(),
                interview.state().signals().size(), interview.state().deadlineMisses(),
                fellBack == 0 ? "" : ", " + fellBack + " replies from the offline engine because " + shown.name() + " failed");
        o.println("Transcript: " + file.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }
}
