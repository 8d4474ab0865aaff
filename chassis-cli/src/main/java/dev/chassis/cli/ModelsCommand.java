package dev.chassis.cli;

import dev.chassis.models.EngineInfo;
import dev.chassis.models.ModelFactory;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the engines, how to name them, and whether their key is set (never the key itself). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the model engines and how to configure them.",
        footer = {"", "Examples:", "  chassis models", "  chassis chat --model openai:gpt-4.1-mini"})
final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Engines (pass one with --model):");
        out.println();
        for (EngineInfo e : ModelFactory.engines()) {
            out.printf("  %-38s %s%n", e.form(), e.notes());
            out.printf("  %-38s e.g. --model %s%n", "", e.example());
            e.keyVariable().ifPresent(v -> out.printf("  %-38s key: %s (%s)%n", "", v, isSet(v) ? "set" : "not set"));
            out.println();
        }
        out.println("The default is offline: it needs no network and gives the same answer every time.");
        out.flush();
    }

    private static boolean isSet(String variable) {
        String v = System.getenv(variable);
        return v != null && !v.isBlank();
    }
}
