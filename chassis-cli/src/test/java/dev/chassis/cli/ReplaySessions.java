package dev.chassis.cli;

import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.conduct.SyntheticSessions;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.research.transcript.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A test stand-in for the synthetic participant engine: replays the example transcripts under the
 * session ids, streaming each turn word by word with a signal. System properties make it slow
 * ({@code chassis.test.sessionDelayMs}, multiplied by the session number) and make it log every
 * session it completes ({@code chassis.test.conductLog}), for the kill-and-resume test.
 */
public final class ReplaySessions implements SyntheticSessions {

    @Override
    public SessionConductor conductor(Setup setup) {
        Path home = Path.of(System.getProperty("chassis.repo.dir", System.getProperty("chassis.home", "..")));
        List<Transcript> recorded = TranscriptFiles.load(home.resolve("examples/transcripts"));
        long delay = Long.getLong("chassis.test.sessionDelayMs", 0);
        String log = System.getProperty("chassis.test.conductLog");
        return (session, events) -> {
            int n = Integer.parseInt(session.id().substring(2));
            Transcript t = recorded.get((n - 1) % recorded.size());
            setup.personas().personaFor(session);
            for (Turn turn : t.turns()) {
                events.turnStarted(session.id(), turn.number(), turn.speaker().json());
                for (String word : turn.text().split(" ")) {
                    events.text(session.id(), word + " ");
                }
                events.turnEnded(session.id(), turn.number());
                if (turn.byParticipant()) {
                    events.signal(session.id(), "engagement " + Math.min(1.0, turn.text().length() / 200.0));
                }
            }
            sleep(delay * n);
            if (log != null) {
                append(Path.of(log), session.id());
            }
            return new Transcript(session.id(), t.participant(), t.language(), t.turns(), t.marks());
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("session interrupted", e);
        }
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
