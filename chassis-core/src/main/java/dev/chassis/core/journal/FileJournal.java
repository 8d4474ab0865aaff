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
 * that must survive a crash without a database. Each append is written
 * and forced to disk before it returns, so it survives a crash of the process; a line torn by a
 * crash mid-write is ignored on reading (it was never acknowledged). Thread-safe.
 */
public final class FileJournal implements SessionJournal, RunJournal {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    // Next sequence per session, read from the file once, so appends do not re-read it.
    private final Map<String, Long> nextSequence = new ConcurrentHashMap<>();

    public FileJournal(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new JournalException("cannot create the session journal folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(String sessionId, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Path file = file(sessionId);
        synchronized (locks.computeIfAbsent(sessionId, k -> new Object())) {
            long next = nextSequence.computeIfAbsent(sessionId, id -> {
                dropTornTail(file);
                return (long) read(id).size();
            });
            StringBuilder lines = new StringBuilder();
            for (JournalEntry e : entries) {
                if (e.sequence() != next) {
                    throw new JournalException("session " + sessionId + ": expected entry " + next + ", got " + e.sequence());
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
                nextSequence.remove(sessionId); // the file may hold part of the batch: re-read it next time
                throw new JournalException("cannot write " + file + ": " + e.getMessage(), e);
            }
            nextSequence.put(sessionId, next);
        }
    }

    @Override
    public List<JournalEntry> read(String sessionId) {
        Path file = file(sessionId);
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> out = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            String line = text.substring(start, nl);
            start = nl + 1;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                out.add(new JournalEntry(n.get("seq").asLong(), n.get("type").asText(), n.get("payload").asText(), Instant.parse(n.get("at").asText())));
            } catch (IOException | RuntimeException e) {
                throw new JournalException(file + ": line " + (out.size() + 1) + " is not a journal entry: " + e.getMessage(), e);
            }
        }
        return out; // text after the last newline is a torn write: never acknowledged, so dropped
    }

    @Override
    public List<String> sessions() {
        return streams();
    }

    @Override
    public List<String> runs() {
        return streams();
    }

    /** Every stream with a file in the folder. */
    public List<String> streams() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
        } catch (IOException e) {
            throw new JournalException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Cuts a last line left incomplete by a crash, so the next append starts on a line of its own. */
    private static void dropTornTail(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                ch.truncate(keep);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new JournalException("cannot repair " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String sessionId) {
        if (!SAFE_ID.matcher(sessionId).matches()) {
            throw new JournalException("id '" + sessionId + "' must be 1-128 letters, digits, '.', '_' or '-'");
        }
        return folder.resolve(sessionId + ".jsonl");
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }
}
