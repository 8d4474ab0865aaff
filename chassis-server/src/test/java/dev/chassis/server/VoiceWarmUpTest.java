package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voice warm-up at server start runs the spoken path through (a reply spoken, speech heard over it and cut off, the turn
 * recognised, a second reply spoken) and leaves no trace: no session, no journal entry, no file; an interview spoken after it
 * works as before.
 */
class VoiceWarmUpTest {

    @Test
    void the_voice_warm_up_runs_the_spoken_path_and_adds_no_session_journal_entry_or_file(@TempDir Path dir) throws Exception {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed; skipping");
        try (TestServer s = TestServer.start(dir)) {
            String[] invited = s.newSession(s.shortStudy());

            assertThat(s.server.warmUpVoiceInBackground().get(3, TimeUnit.MINUTES)).as("every step of the voice path ran").isTrue();

            JsonNode sessions = s.json("GET", "/api/sessions", null);
            assertThat(sessions).as("sessions after the warm-up").hasSize(1);
            assertThat(sessions.get(0).path("session").path("status").asText()).isEqualTo("invited");
            JsonNode state = s.json("GET", "/api/sessions/" + invited[0] + "/state", null);
            assertThat(state.path("transcript")).as("no journal entry").isEmpty();
            assertThat(state.path("voice").isNull()).isTrue();
            assertThat(s.server.liveSessions()).isZero();
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.map(dir::relativize).map(Path::toString))
                        .as("no voice timings or turn files were written").noneMatch(f -> f.startsWith("voice") || f.startsWith("turns"));
            }
        }
    }
}
