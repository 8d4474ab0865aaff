package dev.chassis.cli;

import dev.chassis.mcp.ResearchMcpServer;
import dev.chassis.mcp.ResearchOperations;
import dev.chassis.research.ops.workflow.RunStore;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chassis mcp}: the research application's operations as an MCP server over stdio. */
@Command(name = "mcp",
        mixinStandardHelpOptions = true,
        description = {"Offer research operations to an MCP client (an assistant, an IDE) over stdin and stdout.", "",
                "Tools: list_studies (the study files under --studies), run_study (runs one, synthetic participants unless its "
                + "sessions are live), list_runs, get_run and get_report (a finished run's report as Markdown). Runs go under "
                + "--out, as with 'chassis run'. Nothing is printed on stdout but the protocol."},
        footer = {"", "Examples:", "  chassis mcp", "  chassis mcp --studies my-studies --out /tmp/runs --model openai:gpt-4.1-mini",
                "", "In an MCP client's configuration: {\"command\": \"./chassis\", \"args\": [\"mcp\"]}"})
final class McpCommand implements Callable<Integer> {

    @Option(names = "--studies", paramLabel = "<dir>", defaultValue = "examples",
            description = "Where study files are found, three folders deep (default: ${DEFAULT-VALUE}).")
    Path studies;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = Locations.RUNS, description = "Where runs go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--model", paramLabel = "<model>", defaultValue = "offline",
            description = "Engine runs use unless a call names one (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws InterruptedException {
        StudyRunCommands.model(model); // a wrong engine fails here, in words, before a client connects
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true)); // stray prints must not corrupt the protocol
        ResearchOperations ops = new ResearchOperations(studies.toAbsolutePath().normalize(), new RunStore(out),
                m -> StudyRunCommands.runs(out, StudyRunCommands.model(m), engine.forNewRun()), model, Clock.systemUTC());
        ResearchMcpServer.serveStdio(ops, new FileInputStream(FileDescriptor.in), protocol, VersionProvider.version());
        return 0;
    }
}
