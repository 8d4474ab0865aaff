package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.model.Model;
import dev.chassis.research.eval.injection.InjectionCorpus;
import dev.chassis.research.eval.injection.InjectionEvaluation;
import dev.chassis.research.eval.injection.InjectionReport;
import dev.chassis.research.guide.GuideFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code chassis eval --injection}: a prompt-injection corpus against the interviewer on any engine. */
final class InjectionEval {

    private static final Path DEFAULT_GUIDE = Path.of("examples", "guides", "onboarding-en.yaml");

    private InjectionEval() {
    }

    static int run(PrintWriter o, Path corpusFile, List<Path> guides, boolean adversary, Model model, Path json) {
        if (!Files.isRegularFile(corpusFile)) {
            throw new InvalidInputException(corpusFile.toString(), 0, "--injection", "no such file");
        }
        Path guideFile = guides.isEmpty() ? DEFAULT_GUIDE : guides.getFirst();
        if (!Files.isRegularFile(guideFile)) {
            throw new InvalidInputException(guideFile.toString(), 0, "--guides", "no such file; name the guide the interviews use");
        }
        InjectionCorpus corpus = InjectionCorpus.load(corpusFile);
        InjectionEvaluation.Builder b = InjectionEvaluation.builder().guide(GuideFile.load(guideFile)).model(model);
        if (adversary) {
            b.adversary();
        }
        o.printf("Saying %d entries of %s to interviews on %s%n", corpus.attempts().size(), corpusFile, guideFile);
        o.flush();
        int[] done = {0};
        InjectionReport report = b.build().run(corpus, x -> {
            o.printf("\r  %d/%d", ++done[0], corpus.attempts().size());
            o.flush();
        });
        o.println();
        o.println();
        o.print(report.table());
        if (json != null) {
            try {
                Files.writeString(json, StructuredReader.json().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
            }
            o.println("JSON: " + json.toAbsolutePath().normalize());
        }
        o.flush();
        return 0;
    }
}
