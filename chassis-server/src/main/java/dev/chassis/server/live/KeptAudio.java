package dev.chassis.server.live;

import dev.chassis.server.http.ApiException;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.voice.AudioTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A turn's kept audio read back for a researcher, as its session's journal places it ({@link AudioTiming.Kept}): the
 * file is found from the session's id and the track's fixed name, never from the name the journal holds (which must
 * match it), and the range is served as a WAV file ({@link AudioClip}).
 */
final class KeptAudio {

    private KeptAudio() {
    }

    /**
     * The clip of {@code turn}'s {@code track} ({@code participant} or {@code interviewer}) in {@code s}.
     *
     * @param fileOf the file of a track of this session
     * @throws ApiException 404 when it was not kept (saying why, when the journal says) or its file lost it
     */
    static AudioClip clip(SessionState s, int turn, String track, Function<SessionAudio.Track, Path> fileOf) {
        if (!track.equals(SessionAudio.PARTICIPANT) && !track.equals(SessionAudio.INTERVIEWER)) {
            throw ApiException.badRequest("the audio track '" + dev.chassis.core.input.Ids.printable(track) + "' does not exist: ask for "
                    + SessionAudio.PARTICIPANT + " or " + SessionAudio.INTERVIEWER);
        }
        AudioTiming.Kept kept = null;
        String why = null;   // the first reason the track stopped being kept
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.Spoken spoken) {
                if (spoken.timing() instanceof AudioTiming.Kept k && k.turn() == turn && k.track().equals(track)) {
                    kept = k;
                } else if (spoken.timing() instanceof AudioTiming.NotKept n && n.track().equals(track) && why == null) {
                    why = n.reason();
                }
            }
        }
        if (kept == null) {
            throw ApiException.notFound("no " + track + " audio of turn " + turn + " is kept" + (why != null ? ": " + why
                    : " (the turn was not spoken, or was typed)"));
        }
        String name = kept.file();
        SessionAudio.Track t = Arrays.stream(SessionAudio.Track.values())
                .filter(x -> x.kind.equals(track) && fileOf.apply(x).getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("turn " + turn + "'s " + track + " audio names a file this session does not keep"));
        Path file = fileOf.apply(t);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw ApiException.notFound("the " + track + " audio of turn " + turn + " is gone: " + file.getFileName() + " cannot be read");
        }
        if (kept.fromByte() < 0 || kept.toByte() < kept.fromByte() || kept.toByte() > size || kept.fromByte() % AudioFile.BYTES_PER_SAMPLE != 0) {
            throw ApiException.notFound("the " + track + " audio of turn " + turn + " is not whole in " + file.getFileName()
                    + " (it holds " + size + " bytes; the journal places the turn at " + kept.fromByte() + "-" + kept.toByte() + ")");
        }
        return new AudioClip(file, kept.fromByte(), kept.toByte() - (kept.toByte() - kept.fromByte()) % AudioFile.BYTES_PER_SAMPLE, t.rate);
    }
}
