package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.models.embed.MiniLmEmbedder;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.report.ReportInput;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.report.SessionFlag;
import dev.chassis.research.ops.quality.QualityCheck;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.quality.QualityRules;
import dev.chassis.research.synthesis.ModelThemeWriter;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code chassis synthesize}: themes, quotes, coverage and a report from existing transcripts. */
@Command(name = "synthesize",
        mixinStandardHelpOptions = true,
        description = {"Themes, verbatim quotes and a report from existing transcripts.", "",
                "Synthesise existing interview transcripts into themes with verbatim quotes, "
                + "coverage per objective, contradictions and engagement, and write an HTML and a Markdown report.",
                "",
                "Transcripts: a .csv file with columns transcript_id,text (each text a whole interview whose turns "
                        + "start with 'AI:'/'Assistant:' or 'User:'), a .json transcript written by 'chassis interview', "
                        + "a .txt dialogue, or a directory of them."},
        footer = {"", "Examples:",
                "  chassis synthesize --transcripts examples/transcripts",
                "  chassis synthesize --transcripts interviews.csv --out chassis-out/interviews --themes 6",
                "  chassis synthesize --transcripts chassis-out/runs/<run>/transcripts --guide examples/guides/onboarding-en.yaml",
                "  chassis synthesize --transcripts interviews.csv --embeddings minilm --model anthropic:claude-sonnet-4-5"})
final class SynthesizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--transcripts", required = true, paramLabel = "<file|dir>",
            description = "Transcript file (.csv, .json, .txt) or directory of them.")
    Path transcripts;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "chassis-out/synthesis",
            description = "Where to write report.html, report.md, themes.csv, quotes.csv and themes.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--title", paramLabel = "<text>", description = "Report title (default: from the transcripts' location).")
    String title;

    @Option(names = "--themes", paramLabel = "<n>", defaultValue = "8", description = "At most this many themes (default: ${DEFAULT-VALUE}).")
    int themes;

    @Option(names = "--model", paramLabel = "<model>", defaultValue = "offline",
            description = "Engine that names themes and writes findings (default: ${DEFAULT-VALUE}: extractive). Every quote a "
                    + "model writes is checked against the transcripts; misses go back for up to three attempts.")
    String model;

    @Option(names = "--guide", paramLabel = "<guide.yaml>",
            description = "The interview guide: coverage per objective of the guide, and themes placed under the objective they "
                    + "answer (default: objectives inferred from the questions asked in most sessions).")
    Path guide;

    @Option(names = "--include-flagged",
            description = "Synthesise sessions flagged as likely fraud or low effort too (default: they are listed in the report and left out).")
    boolean includeFlagged;

    @Option(names = "--embeddings", paramLabel = "<name>", defaultValue = "none",
            description = "Group statements by meaning with an in-process embedding model: minilm (English; about 2 ms "
                    + "a sentence), or none for keywords (default: ${DEFAULT-VALUE}).")
    String embeddings;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        List<Transcript> sessions = TranscriptFiles.load(transcripts);
        o.printf("Read %d transcripts from %s%n", sessions.size(), transcripts);
        long start = System.nanoTime();
        Synthesizer.Builder builder = Synthesizer.builder().maxThemes(themes);
        if (guide != null) {
            builder.guide(GuideFile.load(guide));
        }
        switch (embeddings) {
            case "none" -> { }
            case "minilm" -> builder.embedder(new MiniLmEmbedder());
            default -> throw new InvalidInputException("--embeddings", 0, "", "'" + embeddings + "' is not known; use minilm or none");
        }
        if (!model.equals("offline")) {
            Model m = ModelFactory.fromEnvironment().create(model);
            builder.writer(ModelThemeWriter.of(m, 3), m.name());
        }
        List<QualityFlag> flags = new QualityCheck(QualityRules.DEFAULTS).assess(sessions, Synthesizer.engagement(sessions));
        Map<String, String> excluded = includeFlagged ? Map.of() : QualityFlag.exclusions(flags);
        if (excluded.size() == sessions.size()) {
            excluded = Map.of();
        }
        Synthesis s = builder.build().synthesize(sessions, excluded);
        o.printf("Synthesised %d themes with %d verbatim quotes in %d ms (%s)%n", s.themes().size(), s.quotes().size(),
                (System.nanoTime() - start) / 1_000_000, s.method());
        String name = title != null ? title : "Synthesis of " + transcripts.toAbsolutePath().normalize().getFileName();
        List<SessionFlag> shown = flags.stream().map(f -> new SessionFlag(f.session(), f.kind().label(), f.reasons())).toList();
        ReportWriter.Written w = ReportWriter.write(new ReportInput(name,
                List.of("Transcripts: " + transcripts.toAbsolutePath().normalize()), s, shown), out);
        if (!excluded.isEmpty()) {
            o.printf("Left out %d flagged session(s) (likely fraud or low effort; --include-flagged keeps them)%n", excluded.size());
        }
        o.printf("Report: %s%n        %s%nData:   %s, %s, %s%n", w.html().toAbsolutePath().normalize(), w.markdown().toAbsolutePath().normalize(),
                w.themesCsv().getFileName(), w.quotesCsv().getFileName(), w.json().getFileName());
        o.flush();
        return 0;
    }
}
