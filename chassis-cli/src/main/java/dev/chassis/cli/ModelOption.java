package dev.chassis.cli;

import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import picocli.CommandLine.Option;

/** The {@code --model} option every model-driven command shares. */
final class ModelOption {

    @Option(names = {"-m", "--model"}, defaultValue = "offline", paramLabel = "MODEL",
            description = {"The engine: offline (default), openai:<model>, openai-compatible:<baseUrl>#<model>,",
                    "anthropic:<model>, gemini:<model>. Keys come from the environment; see 'chassis models'."})
    String model;

    /** The model, or a one-line configuration error. */
    Model create() {
        return ModelFactory.fromEnvironment().create(model);
    }
}
