package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.Journal;
import dev.chassis.temporal.TemporalEngine;
import dev.chassis.work.WorkEngine;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a run's steps run: in this process (the default) or on a Temporal cluster, whose workflow history is then the
 * run's journal (mirrored into the run folder's). A run keeps the engine it started on: resume, approve and reject
 * read it from the run's start.
 */
final class EngineOptions {

    /** The engines a run can start on. */
    enum Engine { local, temporal }

    /** The task queue prefix of runs the CLI drives (each run gets its own queue, served by the process that drives it). */
    static final String QUEUE = "chassis";
    private static final Duration CONNECT = Duration.ofSeconds(5);

    @Option(names = "--engine", defaultValue = "local", paramLabel = "<engine>",
            description = "Where the steps run: local (this process, default) or temporal (a Temporal cluster, see --temporal-target).")
    Engine engine = Engine.local;

    @Option(names = "--temporal-target", paramLabel = "<host:port>",
            description = "The Temporal frontend for --engine temporal (default 127.0.0.1:7233); for resume, approve and reject, where the "
                    + "run's cluster is now, if it moved.")
    String target;

    @Option(names = "--temporal-namespace", paramLabel = "<name>", description = "The Temporal namespace (default: default).")
    String namespace;

    /** The engines of a new run. */
    WorkEngine.Factory forNewRun() {
        return engine == Engine.local ? WorkEngine.Factory.LOCAL : temporal(target(), orDefault(namespace, "default"));
    }

    /** The Temporal frontend of new runs. */
    String target() {
        return orDefault(target, "127.0.0.1:7233");
    }

    /** The engines of the run whose start is stream {@code stream} of {@code journal}: the one it started on. */
    WorkEngine.Factory forRun(Journal journal, String stream) {
        Map<String, String> labels = RunRecord.load(stream, journal).get(EventKeys.started(), RunEvent.Started.class)
                .map(RunEvent.Started::labels).orElse(Map.of());
        if (!"temporal".equals(labels.get(TemporalEngine.LABEL_ENGINE))) {
            return WorkEngine.Factory.LOCAL;
        }
        return temporal(orDefault(target, labels.getOrDefault(TemporalEngine.LABEL_TARGET, "127.0.0.1:7233")),
                orDefault(namespace, labels.getOrDefault(TemporalEngine.LABEL_NAMESPACE, "default")));
    }

    private static WorkEngine.Factory temporal(String target, String namespace) {
        if (!target.matches("[A-Za-z0-9._-]+:\\d{1,5}")) {
            throw new InvalidInputException("--temporal-target", 0, "", "is '" + target + "'; give the Temporal frontend as host:port, "
                    + "for example 127.0.0.1:7233");
        }
        return TemporalEngine.factory(TemporalEngine.connect(target, namespace, CONNECT), QUEUE);
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
