package dev.chassis.research.ops.conduct;

import dev.chassis.research.ops.schedule.ScheduledSession;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Live sessions: participants join through their session's link, and when a session ends its transcript
 * lands in the run's inbox as {@code <session>.json} (the server writes it there, or a researcher copies
 * it). A session whose transcript is not there yet is {@link SessionPending}. Thread-safe.
 */
public record InboxConductor(Path inbox) implements SessionConductor {

    @Override
    public Transcript conduct(ScheduledSession session, SessionEvents events) {
        Path file = inbox.resolve(session.id() + ".json");
        if (!Files.isRegularFile(file)) {
            throw new SessionPending(session.id(), "session " + session.id() + " with " + session.participant().name()
                    + " has not taken place yet (" + session.start() + session.link().map(l -> ", " + l).orElse("")
                    + "); its transcript goes to " + file);
        }
        List<Transcript> loaded = TranscriptFiles.load(file);
        Transcript t = loaded.getFirst();
        return t.id().equals(session.id()) ? t : new Transcript(session.id(), t.participant(), t.language(), t.turns(), t.marks());
    }
}
