package dev.chassis.store;

import dev.chassis.core.journal.JournalException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces an embedded H2 database file to the device after a commit. With {@code WRITE_DELAY=0}, H2
 * writes each commit to the file before the commit returns, which survives the process being killed,
 * but it leaves the pages in the operating system's cache: a power loss could still take the last
 * commits. Syncing the file from a second descriptor flushes them (the sync covers the file, whoever
 * wrote it), so a committed append is on the device, as PostgreSQL's is.
 */
final class FileForce implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileForce.class);

    private final Path file;
    private volatile FileChannel channel;   // reopened when an interrupted thread's sync closed it
    private volatile boolean closed;

    private FileForce(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** For an embedded H2 file URL whose database file exists, a forcer; empty for other databases. */
    static Optional<FileForce> forH2(String url) {
        return h2File(url).filter(Files::isRegularFile).map(file -> {
            try {
                return new FileForce(file, FileChannel.open(file, StandardOpenOption.READ));
            } catch (IOException e) {
                throw new JournalException("cannot open " + file + " to sync the journal's commits: " + e.getMessage(), e);
            }
        });
    }

    /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:file:<base>;...} or {@code jdbc:h2:<base>}). */
    static Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String base = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (base.startsWith("file:")) {
            base = base.substring("file:".length());
        } else if (base.toLowerCase(Locale.ROOT).startsWith("mem:") || base.startsWith("tcp:") || base.startsWith("ssl:")) {
            return Optional.empty();
        }
        if (base.startsWith("~")) {
            base = System.getProperty("user.home") + base.substring(1);
        }
        return Optional.of(Path.of(base + ".mv.db"));
    }

    /**
     * Forces what was written to the file so far onto the device. A failure is logged, not thrown: the
     * commit stands (it is in the file and survives the process), and a caller that retried the append
     * would write it twice.
     */
    void force() {
        try {
            FileChannel c = channel;
            if (!c.isOpen()) {
                c = reopen();
            }
            if (c != null) {
                c.force(false);
            }
        } catch (IOException e) {
            LOG.error("the journal's last commit is in the database file but could not be synced to the device: {}", e.toString());
        }
    }

    /** A thread interrupted during a sync closes the channel (NIO's rule): open it again rather than never sync again. */
    private synchronized FileChannel reopen() throws IOException {
        if (closed) {
            return null;
        }
        if (!channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    /** Whether its channel is open now (for tests). */
    boolean open() {
        return channel.isOpen();
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to sync through it
        }
    }
}
