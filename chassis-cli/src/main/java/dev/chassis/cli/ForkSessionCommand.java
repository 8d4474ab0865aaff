package dev.chassis.cli;

import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.interview.StudyLedger;
import dev.chassis.research.ledger.SessionFork;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.talk.TalkHarness;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis fork-session}: a recorded interview's answers to a changed interviewer, and the two transcripts side by side. */
@Command(name = "fork-session", mixinStandardHelpOptions = true,
        description = {"Try a change on a real conversation: the interview is forked at one of the interviewer's turns, and the "
                + "interviewer with another ledger, guide or model takes over there. The recorded answers before that turn are given "
                + "to it in order; from the turn on, the rest of the recorded answers carry on, or a synthetic participant (--persona) "
                + "answers what the changed interviewer now asks. The two transcripts are shown side by side ('~' where they differ) "
                + "with the signals each raised, and the forked transcript is saved.", "",
                "Without --persona the recorded answers after the first turn that differs still answer the original questions."},
        footer = {"", "Examples:", "  chassis fork-session onboarding-2025-20261201-101500 --turn 3 --guide examples/guides/onboarding-en.yaml --ledger ledger",
                "  chassis fork-session onboarding-2025-20261201-101500 --turn 3 --guide examples/guides/onboarding-en.yaml --ledger ledger "
                        + "--persona examples/personas/contradicting-founder.yaml",
                "  chassis fork-session onboarding-2025-20261201-101500 --guide my-guide-v2.yaml --model openai:gpt-4.1-mini"})
final class ForkSessionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<session>", description = "The interview session (its transcript <session>.json in --transcripts).")
    String session;

    @Option(names = "--guide", required = true, paramLabel = "<guide.yaml>", description = "The guide for the fork: the session's, or a changed one.")
    Path guide;

    @Option(names = "--turn", defaultValue = "1", paramLabel = "<n>",
            description = "The interviewer's turn to fork at, numbered as in the transcript (default: ${DEFAULT-VALUE}, the whole interview).")
    int turn;

    @Option(names = "--persona", paramLabel = "<persona.yaml>",
            description = "A synthetic participant who answers from --turn on (default: the rest of the recorded answers).")
    Path persona;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<n>", description = "The persona's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--transcripts", defaultValue = "chassis-out/interviews", paramLabel = "<dir>",
            description = "Where the session's transcript is (default: ${DEFAULT-VALUE}, where 'chassis interview' writes them).")
    Path transcripts;

    @Option(names = "--out", defaultValue = "chassis-out/forks", paramLabel = "<dir>", description = "Where the forked transcript goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    LedgerOption ledger = new LedgerOption();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Transcript original = RecordedSessions.load(transcripts, session, "<session>");
        Guide g = GuideFile.load(guide);
        String language = original.language().filter(g.languages()::contains).orElse(g.language());
        Model engine = model.create();
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        Optional<Ledger> fixes = StudyLedger.choose(ledger.folder(), g);
        TalkHarness.Builder b = TalkHarness.builder().model(engine instanceof OfflineModel ? fallback : engine).fallback(fallback);
        fixes.ifPresent(b::ledger);
        SessionFork.Continuation then = persona == null ? new SessionFork.Continuation.Recorded()
                : SessionFork.Continuation.persona(persona, seed);
        o.println("Fork of " + session + " at turn " + turn + " on " + engine.name() + " with " + guide
                + fixes.map(l -> ", ledger " + StudyLedger.describe(l, "talk")).orElse(""));
        o.println("From turn " + turn + " on, " + (persona == null ? "the recorded answers answer." : "the synthetic participant " + persona + " answers."));
        o.flush();
        SessionFork fork = SessionFork.of(original, b.build(), g.briefing(language, Map.of()), turn, then);
        fork.lines().forEach(o::println);
        int n = 1;
        while (Files.exists(out.resolve(session + "-fork-" + n + ".json"))) {
            n++;
        }
        Path saved = out.resolve(session + "-fork-" + n + ".json");
        TranscriptFiles.writeJson(new Transcript(session + "-fork-" + n, fork.forked().participant(), fork.forked().language(),
                fork.forked().turns(), fork.forked().marks()), saved);
        o.println(fork.divergesAt().isPresent() ? "The fork goes elsewhere from turn " + fork.divergesAt().getAsInt() + "."
                : "The change did not alter the interview.");
        o.println("Forked transcript: " + saved.toAbsolutePath().normalize());
        o.flush();
        return 0;
    }
}
