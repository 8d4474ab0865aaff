package dev.chassis.cli;

import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.guide.GuideWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chassis guide check}: reads guides as the interviewer would and says what each language lacks. */
@Command(name = "guide", mixinStandardHelpOptions = true,
        description = {"Interview guides: check one before using it.", "",
                "'check' reads each guide as the interviewer does. An error (a missing question, a translation that does not "
                + "match) stops it with file, line and field; what is only missing (a language listed without its text, an "
                + "objective or the opening left untranslated) is a warning, also located."},
        subcommands = {GuideCommand.Check.class},
        footer = {"", "Examples:", "  chassis guide check examples/guides/onboarding-en.yaml", "  chassis guide check examples/guides --strict"})
final class GuideCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Read guides and report, per language, what each lacks.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "<file|dir>", arity = "1..*", description = "Guide files, or folders of them.")
        List<Path> guides;

        @Option(names = "--strict", description = "Exit with 1 when any guide has warnings.")
        boolean strict;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            int warnings = 0;
            for (Path file : EvalCommand.files(guides, "guide")) {
                Guide g = GuideFile.load(file);
                o.printf("%s: %s (%s), %d objectives, languages %s%n", file, g.study(), g.title(), g.objectives().size(),
                        String.join(", ", g.languages().stream().map(l -> l + (g.hasText(l) ? "" : " (no text)")).toList()));
                for (GuideWarning w : g.warnings()) {
                    o.println("  warning: " + w);
                }
                for (String language : g.languages()) {
                    o.println("  " + language + ": " + lacks(g, language));
                }
                warnings += g.warnings().size();
            }
            o.println(warnings == 0 ? "No warnings." : warnings + " warning(s).");
            o.flush();
            return strict && warnings > 0 ? 1 : 0;
        }

        /** What {@code language}'s text lacks, in a line: "complete", "no text", or what is still in the first language. */
        private static String lacks(Guide g, String language) {
            if (!g.hasText(language)) {
                return "no text (asked in " + g.language() + " offline, or translated by a real model)";
            }
            List<String> fields = g.warnings().stream().filter(w -> w.language().equals(language)).map(GuideWarning::field).toList();
            return fields.isEmpty() ? "complete" : "lacks " + fields.size() + ": " + String.join(", ", fields);
        }
    }
}
