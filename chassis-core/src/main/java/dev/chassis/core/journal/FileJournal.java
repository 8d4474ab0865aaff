package dev.chassis.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A journal of one JSON-lines file per stream (a session or a run) in a folder, for sessions and runs
 * that must survive a crash without a database. Each append is written and forced to disk before it
 * returns, so it survives a crash of the process. What a crash can leave behind was never acknowledged:
 * it is ignored on reading and cut before the next append (an empty file, a last line without its
 * newline, a last line that is not a whole entry). Thread-safe.
 */
public final class FileJournal implements Journal {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    // Next sequence per stream, read from the file once, so appends do not re-read it.
    private final Map<String, Long> nextSequence = new ConcurrentHashMap<>();

    public FileJournal(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new JournalException("cannot create the journal folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(String stream, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Path file = file(stream);
        synchronized (locks.computeIfAbsent(stream, k -> new Object())) {
            long next = nextSequence.computeIfAbsent(stream, id -> {
                Acknowledged ack = acknowledged(file);
                cutTo(file, ack.bytes());
                return (long) ack.entries().size();
            });
            StringBuilder lines = new StringBuilder();
            for (JournalEntry e : entries) {
                if (e.sequence() != next) {
                    throw new JournalException("stream " + stream + ": expected entry " + next + ", got " + e.sequence());
                }
                next++;
                ObjectNode line = JSON.createObjectNode().put("seq", e.sequence()).put("type", e.type()).put("at", e.at().toString());
                line.put("payload", e.payload());
                lines.append(line).append('\n');
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            } catch (IOException e) {
                nextSequence.remove(stream); // the file may hold part of the batch: re-read it next time
                throw new JournalException("cannot write " + file + ": " + e.getMessage(), e);
            }
            nextSequence.put(stream, next);
        }
    }

    @Override
    public List<JournalEntry> read(String stream) {
        return acknowledged(file(stream)).entries();
    }

    /** Every stream with an acknowledged entry in the folder (an empty or torn-only file is none). */
    @Override
    public List<String> streams() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).filter(FileJournal::hasWholeLine)
                    .map(p -> p.getFileName().toString()).map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
        } catch (IOException e) {
            throw new JournalException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The entries a file holds and the bytes they take; whatever follows was cut off by a crash. */
    private record Acknowledged(List<JournalEntry> entries, long bytes) { }

    private static Acknowledged acknowledged(Path file) {
        if (!Files.exists(file)) {
            return new Acknowledged(List.of(), 0);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> out = new ArrayList<>();
        int start = 0;
        long good = 0;
        int nl = indexOf(bytes, 0);
        while (nl >= 0) {
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            int following = indexOf(bytes, nl + 1);
            start = nl + 1;
            if (!line.isBlank()) {
                try {
                    JsonNode n = JSON.readTree(line);
                    out.add(new JournalEntry(n.get("seq").asLong(), n.get("type").asText(), n.get("payload").asText(),
                            Instant.parse(n.get("at").asText())));
                } catch (IOException | RuntimeException e) {
                    if (following < 0) {
                        break; // the last record, torn by a crash (its newline made it, not all of it): never acknowledged
                    }
                    throw new JournalException(file + ": line " + (out.size() + 1) + " is not a journal entry: " + e.getMessage(), e);
                }
            }
            good = start;
            nl = following;
        }
        return new Acknowledged(List.copyOf(out), good); // bytes after the last newline are a torn write: never acknowledged
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether a file holds at least one whole line (the first write of its stream was acknowledged). */
    private static boolean hasWholeLine(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) > 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    if (buf.get() == '\n') {
                        return true;
                    }
                }
                buf.clear();
            }
            return false;
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Cuts what a crash left after the acknowledged entries, so the next append starts on a line of its own. */
    private static void cutTo(Path file, long length) {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() > length) {
                ch.truncate(length);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new JournalException("cannot repair " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String stream) {
        if (!SAFE_ID.matcher(stream).matches()) {
            throw new JournalException("id '" + stream + "' must be 1-128 letters, digits, '.', '_' or '-'");
        }
        return folder.resolve(stream + ".jsonl");
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
