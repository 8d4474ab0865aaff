package dev.chassis.cli;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A streaming terminal chat with any engine, showing time to first token and speed per reply. A
 * failed reply is reported and the chat goes on.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with a model in the terminal; replies stream as they are generated.",
        footer = {"", "Type a message and press Enter. /reset starts over, /exit (or Ctrl-D) quits.", "",
                "Examples:", "  chassis chat", "  chassis chat --model openai:gpt-4.1-mini",
                "  chassis chat --model openai-compatible:http://127.0.0.1:11434/v1#llama3.2 --system 'Answer in French.'"})
final class ChatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--system", paramLabel = "TEXT", defaultValue = "You are a helpful, concise assistant.",
            description = "The system message (default: ${DEFAULT-VALUE}).")
    String system;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Give up on a reply after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    @Override
    public Integer call() throws IOException {
        Model engine = model.create();
        PrintWriter out = spec.commandLine().getOut();
        out.println("chatting with " + engine.name() + " — /exit to quit");
        List<Message> history = new ArrayList<>();
        history.add(Message.system(system));
        while (true) {
            out.print("> ");
            out.flush();
            String line = input.readLine();
            if (line == null || line.strip().equals("/exit") || line.strip().equals("/quit")) {
                out.println();
                return 0;
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.strip().equals("/reset")) {
                history.subList(1, history.size()).clear();
                out.println("(conversation reset)");
                continue;
            }
            history.add(Message.user(line));
            try {
                Completion c = engine.stream(Prompt.of(history), Deadline.in(Duration.ofSeconds(timeoutSeconds)), token -> {
                    out.print(token);
                    out.flush();
                }).join();
                history.add(Message.assistant(c.text()));
                out.printf("%n  [%s · first token %s · %.0f tokens/s · %d tokens]%n", c.model(),
                        c.timing().timeToFirstToken().map(d -> d.toMillis() + " ms").orElse("-"),
                        c.timing().tokensPerSecond(), c.usage().outputTokens());
            } catch (ModelException e) {
                history.removeLast();
                out.printf("%n  [no reply: %s]%n", ModelProblems.plain(e));
                if (e instanceof ModelException.Configuration) {
                    return CliErrors.BAD_INPUT;
                }
            }
        }
    }
}
