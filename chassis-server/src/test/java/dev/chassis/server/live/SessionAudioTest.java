package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.server.health.ServerHealth;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.AudioTiming;
import dev.chassis.talk.voice.Pcm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's kept audio on its own: what the references journaled say is in the files, a torn tail is cut to whole
 * samples and appended after, a call's 8 kHz is kept as received, and a cap or a failed write stops a track (said in the
 * journal and on health) without an exception for the interview.
 */
class SessionAudioTest {

    private final List<AudioTiming> journal = new ArrayList<>();
    private final ServerHealth health = new ServerHealth(Clock.systemUTC());

    private SessionAudio audio(Path dir, Optional<Duration> cap) {
        return new SessionAudio("s-1", t -> dir.resolve("s-1." + t.file + ".pcm"), new AudioCap(cap), journal::add, health);
    }

    private static short[] ramp(int from, int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (from + i);
        }
        return s;
    }

    /** The samples a reference names, read from its file. */
    private static short[] read(Path dir, AudioTiming.Kept k) throws IOException {
        byte[] all = Files.readAllBytes(dir.resolve(k.file()));
        return Pcm.fromBytes(Arrays.copyOfRange(all, (int) k.fromByte(), (int) k.toByte()));
    }

    private List<AudioTiming.Kept> kept() {
        return journal.stream().filter(AudioTiming.Kept.class::isInstance).map(AudioTiming.Kept.class::cast).toList();
    }

    @Test
    void an_answer_and_a_reply_are_referenced_where_their_samples_are_and_a_new_run_appends_after_a_torn_tail(@TempDir Path dir) throws Exception {
        Peer page = new FakePeer();
        try (SessionAudio a = audio(dir, Optional.of(Duration.ofMinutes(1)))) {
            a.heard(page, false, ramp(0, 16_000));         // one second of "speech": sample i is i
            a.heard(page, false, ramp(16_000, 8_000));
            a.answered(page, 1, Duration.ofMillis(250), Duration.ofMillis(1_250));
            a.said(1, ramp(100, 4_000));
            a.said(1, ramp(4_100, 4_000));
            a.replied(1);
        }
        List<AudioTiming.Kept> k = kept();
        assertThat(k).extracting(AudioTiming.Kept::track).containsExactly("participant", "interviewer");
        assertThat(read(dir, k.get(0))).as("the answer's samples, 250 ms to 1250 ms of the stream").isEqualTo(ramp(4_000, 16_000));
        assertThat(read(dir, k.get(1))).as("the reply's, both pieces").isEqualTo(ramp(100, 8_000));

        Path browser = dir.resolve("s-1.browser.pcm");
        Files.write(browser, new byte[] {7}, java.nio.file.StandardOpenOption.APPEND);   // a write torn by kill -9: half a sample
        journal.clear();
        Peer again = new FakePeer();
        try (SessionAudio a = audio(dir, Optional.of(Duration.ofMinutes(1)))) {
            a.heard(again, false, ramp(-500, 16_000));
            a.answered(again, 2, Duration.ZERO, Duration.ofMillis(500));
        }
        AudioTiming.Kept next = kept().getFirst();
        assertThat(next.fromByte()).as("appended after the whole samples of the first run").isEqualTo(24_000 * 2);
        assertThat(read(dir, next)).isEqualTo(ramp(-500, 8_000));
        assertThat(Files.size(browser) % 2).isZero();
    }

    @Test
    void a_call_is_kept_at_8_khz_as_received(@TempDir Path dir) throws Exception {
        short[] call = ramp(1_000, 8_000);   // one second at 8 kHz
        Peer phone = new FakePeer();
        try (SessionAudio a = audio(dir, Optional.of(Duration.ofMinutes(1)))) {
            for (int i = 0; i < call.length; i += 160) {   // 20 ms media messages, brought to 16 kHz as the phone socket does
                a.heard(phone, true, Pcm.resample(Arrays.copyOfRange(call, i, i + 160), 8_000, 16_000));
            }
            a.answered(phone, 1, Duration.ofMillis(500), Duration.ofMillis(1_000));
        }
        AudioTiming.Kept k = kept().getFirst();
        assertThat(k.file()).isEqualTo("s-1.phone.pcm");
        assertThat(k.sampleRate()).isEqualTo(8_000);
        assertThat(read(dir, k)).isEqualTo(Arrays.copyOfRange(call, 4_000, 8_000));
    }

    @Test
    void the_cap_stops_keeping_a_track_and_says_so_once(@TempDir Path dir) {
        Peer page = new FakePeer();
        try (SessionAudio a = audio(dir, Optional.of(Duration.ofSeconds(1)))) {
            a.heard(page, false, new short[12_000]);
            a.heard(page, false, new short[12_000]);   // past one second: not kept
            a.heard(page, false, new short[12_000]);
            a.answered(page, 1, Duration.ZERO, Duration.ofMillis(1_400));
        }
        assertThat(journal).containsExactly(new AudioTiming.NotKept("participant",
                "the cap of 1 s of the participant's audio per session was reached"));
        assertThat(dir.resolve("s-1.browser.pcm")).hasSize(24_000);
    }

    @Test
    void a_failed_write_stops_the_track_and_degrades_health_until_a_write_succeeds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("blocked"), "a file where the folder should be");
        Peer page = new FakePeer();
        SessionAudio broken = new SessionAudio("s-2", t -> dir.resolve("blocked").resolve("s-2." + t.file + ".pcm"),
                new AudioCap(Optional.of(Duration.ofMinutes(1))), journal::add, health);
        broken.heard(page, false, new short[1_600]);
        broken.answered(page, 1, Duration.ZERO, Duration.ofMillis(100));
        assertThat(journal).singleElement().isInstanceOfSatisfying(AudioTiming.NotKept.class,
                n -> assertThat(n.reason()).startsWith("the audio could not be written"));
        assertThat(health.report().status()).isEqualTo(ServerHealth.Level.DEGRADED);
        assertThat(health.check(ServerHealth.AUDIO).orElseThrow().problem().orElseThrow()).startsWith("a voice session's audio could not be kept");

        try (SessionAudio ok = audio(dir, Optional.of(Duration.ofMinutes(1)))) {
            ok.said(0, new short[160]);
        }
        assertThat(health.report().status()).isEqualTo(ServerHealth.Level.UP);
    }

    @Test
    void keeping_off_keeps_nothing_and_says_so(@TempDir Path dir) throws Exception {
        Peer page = new FakePeer();
        try (SessionAudio a = audio(dir, Optional.empty())) {
            a.heard(page, false, new short[1_600]);
            a.said(0, new short[1_600]);
            a.replied(0);
        }
        assertThat(journal).extracting(t -> ((AudioTiming.NotKept) t).track()).containsExactly("participant", "interviewer");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static final class FakePeer implements Peer {
        @Override
        public void send(Frame.Out frame) {
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public boolean closed() {
            return false;
        }
    }
}
