package dev.chassis.research.transcript;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads transcripts from a file or a directory, by extension: {@code .csv} ({@link TranscriptCsv}),
 * {@code .json} (one {@link Transcript}), {@code .txt}/{@code .md} (one {@link DialogueText}, its id the
 * file name). A directory is read non-recursively in name order, taking {@code .csv}, {@code .json} and
 * {@code .txt} files (a {@code .md} there is usually a README, so it is read only when named). Session ids
 * must be unique across everything loaded. Writes transcripts as JSON. Thread-safe (stateless).
 *
 * <pre>{@code
 * List<Transcript> sessions = TranscriptFiles.load(Path.of("transcripts/"));
 * TranscriptFiles.writeJson(session, Path.of("out/s-001.json"));
 * }</pre>
 */
public final class TranscriptFiles {

    private TranscriptFiles() {
    }

    /**
     * Loads every transcript at {@code path}.
     *
     * @throws InvalidInputException when a file is malformed, nothing is found, or an id repeats
     */
    public static List<Transcript> load(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(path.toString(), 0, "", "not found; give a transcript file (.csv, .json, .txt) or a directory of them");
        }
        List<Transcript> out = new ArrayList<>();
        Map<String, Path> origin = new HashMap<>();
        for (Path file : files(path)) {
            for (Transcript t : loadFile(file)) {
                Path before = origin.putIfAbsent(t.id(), file);
                if (before != null) {
                    throw new InvalidInputException(file.toString(), 0, "id", "session id '" + t.id()
                            + "' is also used in " + before + "; session ids must be unique");
                }
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(path.toString(), 0, "", "has no transcripts (.csv, .json or .txt files)");
        }
        return out;
    }

    /** Whether a file name has an extension this class reads. */
    public static boolean readable(Path file) {
        String ext = extension(file);
        return ext.equals("csv") || ext.equals("json") || ext.equals("txt") || ext.equals("md");
    }

    /** Writes one transcript as pretty JSON, creating parent directories. */
    public static void writeJson(Transcript transcript, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, toJson(transcript), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The transcript as pretty JSON. */
    public static String toJson(Transcript transcript) {
        try {
            return StructuredReader.json().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(transcript);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a transcript could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(TranscriptFiles::readable)
                    .filter(f -> !extension(f).equals("md")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), 0, "", "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static List<Transcript> loadFile(Path file) {
        return switch (extension(file)) {
            case "csv" -> TranscriptCsv.read(file);
            case "json" -> List.of(StructuredReader.json().read(file, Transcript.class));
            case "txt", "md" -> List.of(dialogue(file));
            default -> throw new InvalidInputException(file.toString(), 0, "",
                    "unknown transcript format; use .csv (transcript_id,text), .json or .txt");
        };
    }

    private static Transcript dialogue(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "", "cannot be read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        try {
            return Transcript.of(id, DialogueText.parse(text));
        } catch (DialogueText.NoLabelException e) {
            throw new InvalidInputException(file.toString(), 1, "", e.getMessage());
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
