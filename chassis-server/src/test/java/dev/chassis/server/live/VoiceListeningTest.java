package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.chassis.core.model.TokenListener;
import dev.chassis.server.health.ServerHealth;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.AudioTiming;
import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.testkit.speech.FixedRecognizer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voice session hears a connection's microphone on its own thread: a connection's handler hands a piece over and
 * returns at once, however far behind the listening is (here a voice activity detector that does not move until the test
 * lets it), and the pieces are heard in the order they came. Further behind than its backlog, a piece is not heard and
 * the person is told once.
 */
class VoiceListeningTest {

    private static final int FRAME = 512;

    @TempDir
    Path dir;

    /** A detector that records the first sample of each frame it is asked about, and answers only once the gate opens. */
    private static final class StuckDetector implements VoiceActivityDetector {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Short> heard = new CopyOnWriteArrayList<>();

        @Override
        public int frameSamples() {
            return FRAME;
        }

        @Override
        public Stream open() {
            return (samples, offset) -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                heard.add(samples[offset]);
                return 0f;   // silence: no turn begins
            };
        }
    }

    /** A connection that keeps what the session sends it. */
    private static final class Connection implements Peer {
        final List<Frame.Out> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(Frame.Out frame) {
            sent.add(frame);
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public boolean closed() {
            return false;
        }
    }

    private VoiceSession session(VoiceActivityDetector vad) {
        TextToSpeech silent = new TextToSpeech() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public int sampleRate() {
                return VoiceSession.RATE;
            }

            @Override
            public Speech speak(String text, String language, AudioSink sink) {
                throw new AssertionError("nothing is spoken in these tests");
            }
        };
        VoiceEngines engines = new VoiceEngines(vad, FixedRecognizer.nothing(), silent, EndOfTurnDetector::adaptive);
        SessionAudio kept = new SessionAudio("s-1", t -> dir.resolve("s-1." + t.file + ".pcm"), new AudioCap(Optional.of(Duration.ofMinutes(5))),
                t -> { }, new ServerHealth(Clock.systemUTC()));
        VoiceStats stats = new VoiceStats(new AudioTiming.Connected("browser", "none", "none"), t -> { });
        return new VoiceSession(engines, "en", f -> { }, new NoTurns(), stats, kept);
    }

    /** Piece {@code i}: one frame, every sample {@code i}. */
    private static short[] piece(int i) {
        short[] s = new short[FRAME];
        Arrays.fill(s, (short) i);
        return s;
    }

    @Test
    void pieces_handed_over_while_the_listening_is_stuck_return_at_once_and_are_heard_in_order() throws Exception {
        StuckDetector vad = new StuckDetector();
        Connection page = new Connection();
        try (VoiceSession voice = session(vad)) {
            // Were the handler to do the listening, the first piece would never return: the detector waits for the gate.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> IntStream.range(0, 300).forEach(i -> voice.hear(page, piece(i))));
            assertThat(vad.heard).isEmpty();

            vad.gate.countDown();
            await(() -> vad.heard.size() == 300);
            assertThat(vad.heard).containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> (short) i).toList());
            assertThat(page.sent).as("nothing to tell: nothing was dropped").isEmpty();
        }
    }

    @Test
    void beyond_its_backlog_a_piece_is_dropped_and_the_person_told_once_while_the_handler_never_waits() throws Exception {
        StuckDetector vad = new StuckDetector();
        Connection page = new Connection();
        int offered = VoiceListening.BACKLOG + 50;
        try (VoiceSession voice = session(vad)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> IntStream.range(0, offered).forEach(i -> voice.hear(page, piece(i))));
            assertThat(page.sent).singleElement().isInstanceOfSatisfying(Frame.Failed.class, f -> assertThat(f.message())
                    .isEqualTo("the server is behind with your audio and missed some of it; please say that again"));

            vad.gate.countDown();
            await(() -> vad.heard.size() >= VoiceListening.BACKLOG);
            Thread.sleep(200);   // anything beyond the backlog would show by now
            // The first piece may have been taken off the queue at any moment while the rest came, so one more than the
            // backlog may be heard: the first backlog's worth in order, then at most one later piece (CI saw 0..999, 1001).
            assertThat(vad.heard.size()).isBetween(VoiceListening.BACKLOG, VoiceListening.BACKLOG + 1);
            assertThat(vad.heard.subList(0, VoiceListening.BACKLOG))
                    .containsExactlyElementsOf(IntStream.range(0, VoiceListening.BACKLOG).mapToObj(i -> (short) i).toList());
            if (vad.heard.size() > VoiceListening.BACKLOG) {
                assertThat((int) vad.heard.get(VoiceListening.BACKLOG)).isBetween(VoiceListening.BACKLOG, offered - 1);
            }
        }
    }

    @Test
    void closing_while_a_piece_is_being_heard_does_not_wait_for_it() throws Exception {
        StuckDetector vad = new StuckDetector();
        Connection page = new Connection();
        VoiceSession voice = session(vad);
        voice.hear(page, piece(0));
        voice.hear(page, piece(1));

        assertTimeoutPreemptively(Duration.ofSeconds(30), voice::close);
        vad.gate.countDown();
        Thread.sleep(200);
        assertThat(vad.heard).as("what waited was dropped at close").hasSizeLessThanOrEqualTo(1);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute").isLessThan(until);
            Thread.sleep(5);
        }
    }

    /** An interview that is not replying and ignores what the voice tells it: these tests are about hearing. */
    private static final class NoTurns implements VoiceSession.Turns {
        @Override
        public int said(String text, Prosody.Summary prosody) {
            return -1;
        }

        @Override
        public void bargeIn() {
        }

        @Override
        public void heard(int turn, int characters) {
        }

        @Override
        public boolean replying() {
            return false;
        }

        @Override
        public boolean listened() {
            return true;
        }

        @Override
        public void prepare(String words, Prosody.Summary prosody, TokenListener early) {
        }
    }
}
