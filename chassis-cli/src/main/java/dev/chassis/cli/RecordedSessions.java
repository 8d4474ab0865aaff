package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** A recorded interview named by its session id: {@code <id>.json} in a transcripts folder (the id is checked, never a path). */
final class RecordedSessions {

    private RecordedSessions() {
    }

    static Transcript load(Path folder, String session, String field) {
        Ids.check(field, session);
        Path file = folder.resolve(session + ".json");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("", 0, field, "no transcript of session '" + session + "' in " + folder
                    + "; give the folder the interview wrote it to with --transcripts");
        }
        return TranscriptFiles.load(file).getFirst();
    }
}
