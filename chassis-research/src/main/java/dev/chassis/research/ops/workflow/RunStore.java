package dev.chassis.research.ops.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.store.JdbcJournal;
import dev.chassis.work.RunSummary;
import dev.chassis.work.flow.EventKeys;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs under one directory ({@code chassis-out/runs} by default), each a folder named by its id with
 * its work-harness journal in {@code journal/}: what a run is and where it got to are read from that
 * journal alone (the labels its start recorded, its pauses, its end). A study run's journal holds one
 * work run per attempt ({@code ops-1}, {@code ops-2}, ...), a workflow run's one under the run's id.
 * Folders written before runs kept everything in their journal still read: a workflow run's H2 journal
 * ({@code journal.mv.db}), and the {@code run.json} that named what they ran. Thread-safe (the file system is
 * the state).
 */
public record RunStore(Path root) {

    /** Labels a run's start records: what the run is, for listings and resuming. */
    public static Map<String, String> labels(String kind, Path input, String model, long seed, Optional<String> live) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kind", kind);
        labels.put("input", input.toAbsolutePath().normalize().toString());
        labels.put("model", model);
        labels.put("seed", Long.toString(seed));
        live.ifPresent(l -> labels.put("live", l));
        return labels;
    }

    public RunFolder folder(String id) {
        return new RunFolder(root.resolve(id));
    }

    /** A new folder for {@code id}; fails if a run of that id exists. */
    public RunFolder create(String id) {
        if (read(id).isPresent()) {
            throw new IllegalStateException("run " + id + " already exists in " + root);
        }
        RunFolder folder = folder(id);
        try {
            Files.createDirectories(folder.dir().resolve("journal"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + folder.dir() + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /**
     * The journal of run {@code id} (close it): its folder's file journal, or the H2 journal of a workflow run
     * written before runs used files.
     */
    public Journal journal(String id) {
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir.resolve("journal")) && Files.isRegularFile(dir.resolve("journal.mv.db"))) {
            JdbcJournal db = JdbcJournal.h2(dir.resolve("journal"));
            Journal runs = db.runJournal();
            return new Journal() {
                @Override
                public void append(String stream, List<JournalEntry> entries) {
                    runs.append(stream, entries);
                }

                @Override
                public List<JournalEntry> read(String stream) {
                    return runs.read(stream);
                }

                @Override
                public List<String> streams() {
                    return runs.streams();
                }

                @Override
                public void close() {
                    db.close();
                }
            };
        }
        return new FileJournal(dir.resolve("journal"));
    }

    /** The work run that holds run {@code id}'s state: its own id, else its latest attempt ({@code ops-N}). */
    public static Optional<String> current(String id, Journal journal) {
        List<String> streams = journal.streams();
        if (streams.contains(id)) {
            return Optional.of(id);
        }
        return streams.stream().filter(s -> s.matches("ops-\\d+")).max(Comparator.comparingInt(s -> Integer.parseInt(s.substring(4))));
    }

    /**
     * The run with this id.
     *
     * @throws InvalidInputException naming the known runs when there is none, or saying it never started
     */
    public RunInfo find(String id) {
        if (!id.matches("[A-Za-z0-9._-]{1,120}") || !Files.isDirectory(root.resolve(id))) {
            throw new InvalidInputException("run id", 0, "", "no run '" + id + "' in " + root + "; 'chassis runs' lists them");
        }
        return read(id).orElseThrow(() -> new InvalidInputException("run id", 0, "", "run '" + id + "' was stopped before it started "
                + "(its journal holds nothing), so there is nothing to continue; start it again with 'chassis run <file>'"));
    }

    /** The run with this id, as its journal tells it; empty when there is no such run (or it never started). */
    public Optional<RunInfo> read(String id) {
        if (!Files.isDirectory(root.resolve(id))) {
            return Optional.empty();
        }
        try (Journal journal = journal(id)) {
            Optional<String> current = current(id, journal);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            RunRecord record = RunRecord.load(current.get(), journal);
            Optional<RunEvent.Started> started = record.get(EventKeys.started(), RunEvent.Started.class);
            Optional<RunSummary> summary = RunSummary.read(journal, current.get());
            if (started.isEmpty() || summary.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> labels = labelsOf(id, journal, started.get());
            return Optional.of(new RunInfo(id, labels.getOrDefault("kind", "study"), labels.getOrDefault("input", ""),
                    labels.getOrDefault("model", started.get().model()), Long.parseLong(labels.getOrDefault("seed", "0")),
                    Instant.parse(labels.getOrDefault("started", firstStart(id, journal, started.get()).toString())),
                    status(record, summary.get()), detail(record, summary.get()), Optional.ofNullable(labels.get("live"))));
        } catch (JournalException | IllegalArgumentException e) {
            return Optional.empty(); // not a run's journal
        }
    }

    /** Every run, newest first. */
    public List<RunInfo> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> read(d.getFileName().toString())).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(RunInfo::started).reversed().thenComparing(RunInfo::id)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs in " + root + ": " + e.getMessage(), e);
        }
    }

    /** What run {@code id}'s start recorded about it (its kind, file, engine, ledger...); empty when there is no such run. */
    public Map<String, String> labels(String id) {
        if (!Files.isDirectory(root.resolve(id))) {
            return Map.of();
        }
        try (Journal journal = journal(id)) {
            Optional<String> current = current(id, journal);
            return current.flatMap(c -> RunRecord.load(c, journal).get(EventKeys.started(), RunEvent.Started.class))
                    .map(s -> labelsOf(id, journal, s)).orElse(Map.of());
        } catch (JournalException | IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** The first attempt's labels; for a folder written before labels were journaled, its run.json (read-only). */
    private Map<String, String> labelsOf(String id, Journal journal, RunEvent.Started current) {
        Map<String, String> first = journal.streams().contains("ops-1") && !current.runId().equals("ops-1")
                ? RunRecord.load("ops-1", journal).get(EventKeys.started(), RunEvent.Started.class).map(RunEvent.Started::labels).orElse(Map.of())
                : current.labels();
        if (!first.isEmpty()) {
            return first;
        }
        Path legacy = root.resolve(id).resolve("run.json");
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.isRegularFile(legacy)) {
            JsonNode n = StructuredReader.json().tree(legacy);
            for (String key : List.of("kind", "input", "model", "seed", "started", "live")) {
                if (n.hasNonNull(key)) {
                    out.put(key, n.get(key).asText());
                }
            }
        }
        return out;
    }

    private static Instant firstStart(String id, Journal journal, RunEvent.Started current) {
        return journal.streams().contains("ops-1") ? RunRecord.load("ops-1", journal).get(EventKeys.started(), RunEvent.Started.class)
                .map(RunEvent.Started::at).orElse(current.at()) : current.at();
    }

    private static RunInfo.Status status(RunRecord record, RunSummary s) {
        return switch (s.status()) {
            case RUNNING -> RunInfo.Status.RUNNING;
            case PAUSED -> RunInfo.Status.WAITING;
            case SUCCEEDED -> pendingSessions(record) > 0 ? RunInfo.Status.WAITING : RunInfo.Status.DONE;
            case FAILED -> rejected(record) ? RunInfo.Status.REJECTED : RunInfo.Status.FAILED;
        };
    }

    /** Whether a person rejected what the run waited for (a tool call refused does not end a run by itself). */
    static boolean rejected(RunRecord record) {
        return record.events(RunEvent.Decided.class).stream().anyMatch(d -> !d.approved() && d.kind() != PauseKind.TOOL);
    }

    private static String detail(RunRecord record, RunSummary s) {
        return switch (status(record, s)) {
            case DONE -> stepOutput(record, "report").map(o -> o.path("result").path("html").asText("")).orElse("");
            case WAITING -> s.reason().isBlank() ? pendingSessions(record) + " live session(s) to take place" : s.reason();
            case RUNNING -> "";
            case FAILED, REJECTED -> s.reason();
        };
    }

    /** Sessions an attempt finished without (runs written before waiting paused them ended there). */
    private static int pendingSessions(RunRecord record) {
        return stepOutput(record, "conduct").map(o -> o.path("result").path("pending").asInt()).orElse(0);
    }

    private static Optional<JsonNode> stepOutput(RunRecord record, String step) {
        return record.get(EventKeys.stepEnded(step), RunEvent.StepEnded.class).map(e -> JsonAnswer.node(e.output()));
    }
}
