package dev.chassis.server.files;

import dev.chassis.core.input.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one place where the server turns names into paths. Every file it writes or reads under its data
 * folder (and its runs folder) is resolved here: ids are checked against {@link Ids} and the result must
 * lie inside the folder, also after following symbolic links, so nothing a user names can reach outside.
 * Immutable, thread-safe.
 *
 * <pre>
 * data/
 *   researcher-token.sha256, participant-links.keys   secrets ({@link #secret})
 *   chassis.mv.db                                     the embedded database ({@link #database})
 *   studies/&lt;study&gt;/transcripts/&lt;session&gt;.json     completed interviews ({@link #studyTranscript})
 *   studies/&lt;study&gt;/report/                          generated reports ({@link #studyReport})
 *   turns/&lt;session&gt;.json                             per-turn timings ({@link #turns})
 *   audio/&lt;session&gt;.&lt;track&gt;.pcm                    a voice session's kept audio ({@link #audio})
 *   .write-check                                      written to see whether the folder takes writes again ({@link #writeCheck})
 *   runs/&lt;run&gt;/...                                  research-operations runs ({@link #run})
 * </pre>
 */
public final class DataFolder {

    /** The secret files the server keeps; no other name is a secret. */
    public enum Secret {
        RESEARCHER_TOKEN("researcher-token.sha256"),
        PARTICIPANT_KEYS("participant-links.keys");

        private final String file;

        Secret(String file) {
            this.file = file;
        }
    }

    private final Path root;
    private final Path runs;

    /**
     * @param root the data folder (created if missing)
     * @param runs where research-operations runs are kept (created if missing; usually {@code root/runs})
     */
    public DataFolder(Path root, Path runs) {
        this.root = real(Objects.requireNonNull(root, "root"));
        this.runs = real(Objects.requireNonNull(runs, "runs"));
    }

    public Path root() {
        return root;
    }

    public Path secret(Secret s) {
        return inside(root, s.file);
    }

    /** The embedded database's base name (H2 adds {@code .mv.db}). */
    public Path database() {
        return inside(root, "chassis");
    }

    /** A study's own folder. */
    public Path study(String studyId) {
        return inside(root, "studies", Ids.check("study", studyId));
    }

    public Path studyTranscripts(String studyId) {
        return inside(study(studyId), "transcripts");
    }

    public Path studyTranscript(String studyId, String sessionId) {
        return inside(studyTranscripts(studyId), Ids.check("session", sessionId) + ".json");
    }

    public Path studyReport(String studyId) {
        return inside(study(studyId), "report");
    }

    /** A session's per-turn timings. */
    public Path turns(String sessionId) {
        return inside(root, "turns", Ids.check("session", sessionId) + ".json");
    }

    /**
     * A voice session's kept audio of one track: {@code track} is one of the server's fixed track names (letters only),
     * never a name from a request.
     */
    public Path audio(String sessionId, String track) {
        if (!track.matches("[a-z]+")) {
            throw new IllegalStateException("not an audio track: '" + Ids.printable(track) + "'");
        }
        return inside(root, "audio", Ids.check("session", sessionId) + "." + track + ".pcm");
    }

    /** A small file written to see whether the folder takes writes again after a failed write. */
    public Path writeCheck() {
        return inside(root, ".write-check");
    }

    /** The folder holding every run. */
    public Path runs() {
        return runs;
    }

    /** A run's folder. */
    public Path run(String runId) {
        return inside(runs, Ids.check("run", runId));
    }

    /** Where a run's live session's transcript arrives. */
    public Path runInbox(String runId, String runSession) {
        return inside(run(runId), "inbox", Ids.check("run session", runSession) + ".json");
    }

    /**
     * {@code base} and {@code parts} joined, which must stay inside {@code base}: checked on the normalised path, and on
     * the nearest part that exists with links followed against the real folder it belongs to (a link planted in the
     * folder cannot lead out of it). {@code base} is the data folder, the runs folder, or a path made here from them.
     *
     * @throws IllegalStateException when it would not (a bug or a tampered folder: never user input, which ids rule out)
     */
    private Path inside(Path base, String... parts) {
        Path p = base;
        for (String part : parts) {
            if (part.isEmpty() || part.contains("/") || part.contains("\\") || part.equals(".") || part.equals("..") || part.indexOf('\0') >= 0) {
                throw new IllegalStateException("not a file name: '" + Ids.printable(part) + "'");
            }
            p = p.resolve(part);
        }
        Path normal = p.normalize();
        Path top = normal.startsWith(runs) ? runs : root;
        if (!normal.startsWith(base) || !normal.startsWith(top)) {
            throw new IllegalStateException(normal + " is outside " + base);
        }
        Path existing = normal;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS) && existing.getParent() != null && existing.startsWith(top)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {   // a broken link: writing through it would create its target, wherever that is
            throw new IllegalStateException(existing + " cannot be resolved inside " + top + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(top)) {
            throw new IllegalStateException(normal + " leads outside " + top + " through a link");
        }
        return normal;
    }

    private static Path real(Path folder) {
        try {
            return Files.createDirectories(folder).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
