package dev.chassis.models.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pieces of an HTTP/1.1 reply {@link WireClient} reads: lines, headers, and a body by length or in chunks. */
final class HttpLines {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    private HttpLines() {
    }

    /** One line without its CRLF (or LF), as ISO-8859-1; null at the end of the stream before any byte of it. */
    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                if (b.isEmpty()) {
                    return null;
                }
                throw new IOException("the model server's reply ended in the middle of a line");
            }
            if (c == '\n') {
                int end = b.length();
                return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
            }
            if (b.length() >= MAX_LINE) {
                throw new IOException("a line of the model server's reply is longer than " + MAX_LINE + " bytes");
            }
            b.append((char) c);
        }
    }

    /** Header lines up to the empty one, names in lower case. */
    static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (int n = 0; ; n++) {
            String line = line(in);
            if (line == null) {
                throw new IOException("the model server's reply ended in its headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            if (n >= MAX_HEADERS) {
                throw new IOException("the model server's reply has more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("a header of the model server's reply has no name: " + brief(line));
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).strip());
        }
    }

    static String brief(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** A reply's body: closed after its end it runs {@code done} (the connection is reusable), before it {@code abort}. */
    private abstract static class Body extends InputStream {
        final InputStream in;
        private final Runnable done;
        private final Runnable abort;
        boolean ended;
        private boolean closed;

        Body(InputStream in, Runnable done, Runnable abort) {
            this.in = in;
            this.done = done;
            this.abort = abort;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                (ended ? done : abort).run();
            }
        }
    }

    /** A body that ends after {@code length} bytes (or, with {@code Long.MAX_VALUE}, at the end of the connection). */
    static final class Limited extends Body {
        private long left;

        Limited(InputStream in, long length, Runnable done, Runnable abort) {
            super(in, done, abort);
            this.left = length;
            this.ended = length == 0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended || len == 0) {
                return ended ? -1 : 0;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                if (left != Long.MAX_VALUE) {
                    throw new IOException("the model server closed the connection before the end of its reply");
                }
                ended = true;
                return -1;
            }
            if (left != Long.MAX_VALUE) {
                left -= n;
                ended = left == 0;
            }
            return n;
        }
    }

    /** A chunked body, read to its last chunk and trailer. */
    static final class Chunked extends Body {
        private long left;

        Chunked(InputStream in, Runnable done, Runnable abort) {
            super(in, done, abort);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (left == 0 && !nextChunk()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the model server closed the connection in the middle of a chunk");
            }
            left -= n;
            if (left == 0 && !"".equals(line(in))) {
                throw new IOException("a chunk of the model server's reply does not end where its size says");
            }
            return n;
        }

        /** Reads the next chunk's size; false after the last (empty) chunk and its trailer. */
        private boolean nextChunk() throws IOException {
            String size = line(in);
            if (size == null) {
                throw new IOException("the model server closed the connection between chunks");
            }
            int semicolon = size.indexOf(';');
            try {
                left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a chunk of the model server's reply has no size: " + brief(size));
            }
            if (left > 0) {
                return true;
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers say nothing a reply needs
            }
            ended = true;
            return false;
        }
    }
}
