package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.eval.Evaluation;
import dev.chassis.research.eval.EvaluationReport;
import dev.chassis.research.eval.LatencyProfile;
import dev.chassis.talk.Feature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chassis eval}: the interviewer against synthetic participants, with and without parts of the harness. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the AI interviewer on guides and personas, with parts of the harness switched off.", "",
                "Every persona is interviewed with every guide at every seed, once with the whole harness and once per ablated "
                + "feature, on the same engine and the same latency. The scores are computed from outside the harness: from "
                + "what the interviewer said and what each synthetic participant knows it did. Hidden facts elicited, planted "
                + "contradictions put back (and false alarms), hard moments acknowledged, the participant's language kept "
                + "(sentence by sentence, none mixed), question quality (leading, double-barrelled, closed) from an independent "
                + "checker, questions repeated, refused topics asked again, objectives explored deeply enough, time used, "
                + "disengagement recovered and time to first words. Means with their spread over the seeds; a table, and "
                + "--json writes everything."},
        footer = {"", "Features: monitors, staging, state, steering, deadline (or all).", "",
                "Examples:", "  chassis eval --guides examples/guides/onboarding-en.yaml --personas examples/personas --ablate all",
                "  chassis eval --guides a.yaml,b.yaml --personas p1.yaml,p2.yaml --ablate monitors,steering --json eval.json",
                "  chassis eval --guides examples/guides/onboarding-en.yaml --personas examples/personas --seeds 1,2,3,4,5 --sessions",
                "  chassis eval --checker",
                "  chassis eval --injection examples/injection/attempts.yaml [--adversary]",
                "  chassis eval --guides examples/guides --personas examples/personas --late 20%%:3s --model openai:gpt-4.1-mini",
                "  chassis eval --guides examples/guides/onboarding-en.yaml --personas examples/personas --ablate monitors "
                        + "--monitor-model openai:gpt-4.1-nano --monitor-budget 1500ms"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--guides", split = ",", paramLabel = "<file|dir>", description = "Guide files, or folders of them.")
    List<Path> guides;

    @Option(names = "--personas", split = ",", paramLabel = "<file|dir>", description = "Persona files, or folders of them.")
    List<Path> personas;

    @Option(names = "--paired", description = "Interview each guide only with the personas in the folder named after it: "
            + "--personas is one folder with a sub-folder per guide (guides/rail-en.yaml with personas/rail-en/).")
    boolean paired;

    @Option(names = "--checker", description = "Print the question checker's precision and recall on its labelled examples, per "
            + "language and label, and stop.")
    boolean checker;

    @Option(names = "--ablate", split = ",", paramLabel = "<feature>", description = "Features to switch off, one configuration each: "
            + "monitors, staging, state, steering, deadline, or all.")
    List<String> ablate = List.of();

    @Option(names = "--late", defaultValue = "20%:1500ms", paramLabel = "<share:delay>",
            description = "Make this share of the engine's turns late by this much, or none (default: ${DEFAULT-VALUE}).")
    String late;

    @Option(names = "--seeds", defaultValue = "1,2,3", split = ",", paramLabel = "<n>",
            description = "Seeds for participants and late turns; every session runs at each (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--seed", paramLabel = "<n>", description = "Run at this one seed only.")
    Long seed;

    @Option(names = "--json", paramLabel = "<file>", description = "Also write every score as JSON here.")
    Path json;

    @Option(names = "--sessions", description = "Also print a row per session.")
    boolean perSession;

    @Option(names = "--transcripts", paramLabel = "<dir>", description = "Also write every session's transcript, with what each "
            + "answer did and how each turn was judged, into this folder.")
    Path transcripts;

    @Option(names = "--injection", paramLabel = "<file>", description = "Say every attempt of this prompt-injection corpus to a "
            + "fresh interview on the first of --guides (default examples/guides/onboarding-en.yaml) and report per attempt, "
            + "language and kind: recognised, counted as an answer, leaked; controls flagged are false positives.")
    Path injection;

    @Option(names = "--adversary", description = "With --injection: an engine that tries to leak the staged context on every "
            + "turn replaces --model, so the output guard is tested.")
    boolean adversary;

    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    LedgerOption ledger = new LedgerOption();

    @Mixin
    MonitorJudgeOption judges = new MonitorJudgeOption();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (injection != null) {
            return InjectionEval.run(o, injection, guides == null ? List.of() : files(guides, "--guides"), adversary, model.create(), json);
        }
        if (checker) {
            o.print(EvaluationReport.questionCheckerTable());
            o.flush();
            return 0;
        }
        if (guides == null || personas == null) {
            throw new InvalidInputException("", 0, guides == null ? "--guides" : "--personas",
                    "is required: name the guide and persona files (or folders) to evaluate");
        }
        List<Path> guideFiles = files(guides, "--guides");
        Set<Feature> off = features(ablate);
        List<Long> runSeeds = seed != null ? List.of(seed) : seeds;
        Evaluation.Builder builder = Evaluation.builder().ablate(off).latency(LatencyProfile.parse(late)).seeds(runSeeds).model(model.create());
        int personaCount;
        if (paired) {
            java.util.Map<Path, List<Path>> byGuide = pairs(guideFiles, personas);
            builder.paired(byGuide);
            personaCount = byGuide.values().stream().mapToInt(List::size).sum();
        } else {
            List<Path> personaFiles = files(personas, "--personas");
            builder.guides(guideFiles).personas(personaFiles);
            personaCount = personaFiles.size();
        }
        if (transcripts != null) {
            builder.transcripts(transcripts);
        }
        ledger.folder().ifPresent(builder::ledger);
        judges.create().ifPresent(builder::judges);
        Evaluation evaluation = builder.build();
        int total = evaluation.sessions();
        o.printf("Evaluating %d guide(s) × %d persona(s)%s × %d configuration(s) × %d seed(s): %d sessions%n", guideFiles.size(),
                personaCount, paired ? " (each guide with its own)" : "", 1 + off.size(), runSeeds.size(), total);
        o.flush();
        AtomicInteger done = new AtomicInteger();
        EvaluationReport report = evaluation.run(session -> {
            synchronized (o) {
                o.printf("\r  %d/%d sessions", done.incrementAndGet(), total);
                o.flush();
            }
        });
        o.println();
        o.println();
        o.print(report.table());
        if (!evaluation.judgeOutcomes().isEmpty()) {
            o.println("monitors' judges (" + judges.model + "): " + evaluation.judgeOutcomes().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                    + " (late, failed, malformed: the lexical verdict stood)");
        }
        if (perSession) {
            o.println();
            o.print(report.sessionTable());
        }
        if (json != null) {
            report.writeJson(json);
            o.println("JSON: " + json.toAbsolutePath().normalize());
        }
        if (transcripts != null) {
            o.println("Transcripts: " + transcripts.toAbsolutePath().normalize().resolve("index.txt"));
        }
        o.flush();
        return 0;
    }

    /** For each guide, the persona files in the folder named after it under the one --personas folder. */
    static java.util.Map<Path, List<Path>> pairs(List<Path> guideFiles, List<Path> personaDirs) {
        if (personaDirs.size() != 1 || !Files.isDirectory(personaDirs.getFirst())) {
            throw new InvalidInputException("", 0, "--personas", "with --paired, name one folder holding a folder of personas per guide");
        }
        java.util.Map<Path, List<Path>> out = new java.util.LinkedHashMap<>();
        for (Path g : guideFiles) {
            String name = g.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Path dir = personaDirs.getFirst().resolve(name);
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(g.toString(), 0, "--personas", "no folder " + name + " of personas for this guide in "
                        + personaDirs.getFirst());
            }
            out.put(g, files(List.of(dir), "--personas"));
        }
        return out;
    }

    static Set<Feature> features(List<String> names) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        for (String n : names) {
            String name = n.strip().toUpperCase(Locale.ROOT);
            if (name.equals("ALL")) {
                out.addAll(EnumSet.allOf(Feature.class));
                continue;
            }
            try {
                out.add(Feature.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("", 0, "--ablate", "'" + n + "' is not a feature; use monitors, staging, state, steering, deadline or all");
            }
        }
        return out;
    }

    /** The YAML files named, folders expanded (sorted), each checked to exist. */
    static List<Path> files(List<Path> given, String option) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new InvalidInputException(p.toString(), 0, option, "no such file or folder");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("", 0, option, "no .yaml files in " + given);
        }
        return out;
    }
}
