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
        description = {"Try a change on a real conversation: the recorded answers of an interview, in order, go to the interviewer "
                + "with another ledger, guide or model; the two transcripts are shown side by side ('~' where they differ) with "
                + "the signals each raised, and the forked transcript is saved.", "",
                "The answers are replayed as recorded, so after the first turn that differs they answer the original questions."},
        footer = {"", "Examples:", "  chassis fork-session onboarding-2025-20261201-101500 --guide examples/guides/onboarding-en.yaml --ledger ledger",
                "  chassis fork-session onboarding-2025-20261201-101500 --guide my-guide-v2.yaml --model openai:gpt-4.1-mini"})
final class ForkSessionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<session>", description = "The interview session (its transcript <session>.json in --transcripts).")
    String session;

    @Option(names = "--guide", required = true, paramLabel = "<guide.yaml>", description = "The guide for the fork: the session's, or a changed one.")
    Path guide;

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
        o.println("Fork of " + session + " on " + engine.name() + " with " + guide + fixes.map(l -> ", ledger " + StudyLedger.describe(l, "talk")).orElse(""));
        o.flush();
        SessionFork fork = SessionFork.of(original, b.build(), g.briefing(language, Map.of()));
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
