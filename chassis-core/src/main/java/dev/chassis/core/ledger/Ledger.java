package dev.chassis.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mistake ledger of a project: one YAML file per incident in a folder (reviewable in git),
 * loaded at start-up. Immutable; {@link #add} writes a file and returns a new ledger.
 *
 * <pre>{@code
 * Ledger ledger = Ledger.load(Path.of("ledger"));
 * List<Fix> fixes = ledger.fixes("work");
 * LedgerReport report = ledger.check(List.of(workReplayer, talkReplayer));
 * }</pre>
 */
public final class Ledger {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}");
    private static final ObjectMapper WRITER = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .findAndRegisterModules()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path folder;
    private final List<Incident> incidents;

    private Ledger(Path folder, List<Incident> incidents) {
        this.folder = folder;
        this.incidents = List.copyOf(incidents);
    }

    /** The YAML shape of an incident file: an incident without its id (the file name is the id). */
    record IncidentFile(String title, String harness, Instant at, String flaggedBy, Evidence evidence, Mistake mistake, List<Fix> fixes) { }

    /**
     * Loads every {@code *.yaml} file of {@code folder}; a missing folder is an empty ledger.
     *
     * @throws InvalidInputException naming the file, line and field of the first bad incident
     */
    public static Ledger load(Path folder) {
        List<Incident> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the ledger folder " + folder, e);
            }
            for (Path f : files) {
                out.add(read(f));
            }
        }
        return new Ledger(folder, out);
    }

    /**
     * Reads one incident file; its name without {@code .yaml} is the incident's id.
     *
     * @throws InvalidInputException naming the file, line and field when it is not a valid incident
     */
    public static Incident read(Path f) {
        String id = f.getFileName().toString().replaceFirst("\\.yaml$", "");
        IncidentFile file = StructuredReader.yaml().read(f, IncidentFile.class);
        try {
            return new Incident(id, file.title(), file.harness(), file.at(), file.flaggedBy(), file.evidence(), file.mistake(), file.fixes());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(f.getFileName().toString(), 0, "", e.getMessage()
                    + " (an incident needs title, harness, evidence and mistake)");
        }
    }

    /** A ledger at {@code folder} with no incidents: what a replay without any fix runs against. */
    public static Ledger empty(Path folder) {
        return new Ledger(folder, List.of());
    }

    public Path folder() {
        return folder;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    /** Every fix of the incidents of one harness ({@code work} or {@code talk}), in file order. */
    public List<Fix> fixes(String harness) {
        return incidents.stream().filter(i -> i.harness().equals(harness)).flatMap(i -> i.fixes().stream()).toList();
    }

    /** Writes {@code incident} to {@code <id>.yaml} and returns the ledger with it. */
    public Ledger add(Incident incident) {
        if (!ID.matcher(incident.id()).matches()) {
            throw new InvalidInputException("incident", 0, "id", "'" + incident.id() + "' must be lower-case letters, digits and '-'");
        }
        if (incidents.stream().anyMatch(i -> i.id().equals(incident.id()))) {
            throw new InvalidInputException("incident", 0, "id", "'" + incident.id() + "' already exists in " + folder);
        }
        try {
            Files.createDirectories(folder);
            IncidentFile file = new IncidentFile(incident.title(), incident.harness(), incident.at(), incident.flaggedBy(),
                    incident.evidence(), incident.mistake(), incident.fixes());
            Files.writeString(folder.resolve(incident.id() + ".yaml"), WRITER.writeValueAsString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write incident " + incident.id() + " to " + folder, e);
        }
        List<Incident> all = new ArrayList<>(incidents);
        all.add(incident);
        return new Ledger(folder, all);
    }

    /**
     * This ledger with {@code incident} added in memory only, nothing written: what a fix is tried with
     * before it is proven and written by {@link #add}.
     */
    public Ledger including(Incident incident) {
        List<Incident> all = new ArrayList<>(incidents);
        all.removeIf(i -> i.id().equals(incident.id()));
        all.add(incident);
        return new Ledger(folder, all);
    }

    /** Replays every incident with the replayer of its harness; a harness without one makes its incidents not replayable. */
    public LedgerReport check(List<IncidentReplayer> replayers) {
        List<ReplayResult> results = new ArrayList<>();
        for (Incident i : incidents) {
            IncidentReplayer r = replayers.stream().filter(x -> x.harness().equals(i.harness())).findFirst().orElse(null);
            if (r == null) {
                results.add(new ReplayResult.NotReplayable(i.id(), "no replayer for the " + i.harness() + " harness"));
                continue;
            }
            try {
                results.add(r.replay(i, this));
            } catch (RuntimeException e) {
                results.add(new ReplayResult.NotReplayable(i.id(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new LedgerReport(results);
    }
}
