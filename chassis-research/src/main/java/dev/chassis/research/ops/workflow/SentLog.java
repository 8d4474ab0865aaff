package dev.chassis.research.ops.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The invites a run has sent, one session id a line in {@code invites/sent.log}, each synced to disk when it
 * is written: what makes sending invites a side effect done once. A line cut by a crash is not a send.
 */
final class SentLog {

    private static final String FILE = "sent.log";

    private SentLog() {
    }

    /** The sessions whose invite was sent. */
    static Set<String> read(Path invites) {
        Path file = invites.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Set<String> out = new LinkedHashSet<>();
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                String line = text.substring(start, nl).strip();
                if (!line.isEmpty()) {
                    out.add(line);
                }
                start = nl + 1;
            }
            return out; // text after the last newline was cut off by a crash: not sent for sure
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records that {@code session}'s invite was sent. */
    static void append(Path invites, String session) {
        Path file = invites.resolve(FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // a line a crash cut short stays a line of its own, naming no session
            boolean torn = ch.size() > 0 && endsWithoutNewline(ch);
            ch.position(ch.size());
            ch.write(ByteBuffer.wrap(((torn ? "\n" : "") + session + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the invite of " + session + " in " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsWithoutNewline(FileChannel ch) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, ch.size() - 1);
        return last.get(0) != '\n';
    }
}
