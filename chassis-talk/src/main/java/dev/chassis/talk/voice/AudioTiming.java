package dev.chassis.talk.voice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the audio of a spoken session did, journaled with the session's other events ({@code SessionEvent.Spoken}) so
 * that it survives a crash as the transcript does: how the person was connected, each spoken answer's way from the end
 * of speech to the reply's first audio, each barge-in's stop time and how much of the reply had been heard, where each
 * answer's and each reply's audio is kept, and why audio stopped being kept. A closed set.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(AudioTiming.Connected.class), @JsonSubTypes.Type(AudioTiming.Answer.class),
        @JsonSubTypes.Type(AudioTiming.BargeIn.class), @JsonSubTypes.Type(AudioTiming.Kept.class),
        @JsonSubTypes.Type(AudioTiming.NotKept.class)})
public sealed interface AudioTiming {

    /**
     * The person began speaking on a channel.
     *
     * @param channel     {@code browser} (the participant page's microphone) or {@code phone} (a call)
     * @param recogniser  the speech recogniser's name
     * @param synthesiser the speech synthesiser's name
     */
    record Connected(String channel, String recogniser, String synthesiser) implements AudioTiming { }

    /**
     * A spoken answer and the reply to it: end of speech to first audio and its parts, in order, and where the answer's
     * speech lies on the connection's audio stream (where its audio is kept is a {@link Kept}).
     *
     * @param turn          the reply's turn
     * @param speechFromMs  where the answer's speech began on its connection's stream, ms from the stream's first sample
     * @param speechToMs    where it ended
     * @param waitedMs      silence waited after the speech before the turn was taken as over
     * @param recognisedMs  end of speech → final transcript (the silence waited, then the recogniser's final pass)
     * @param harnessMs     final transcript → the reply's first sentence (or clause) handed to the synthesiser
     * @param synthesisMs   that sentence handed over → its first audio sent
     * @param firstAudioMs  end of speech → the reply's first audio sent
     * @param endOfTurn     why the end-of-turn detector waited that long
     */
    record Answer(int turn, long speechFromMs, long speechToMs, double waitedMs, double recognisedMs, double harnessMs, double synthesisMs,
                  double firstAudioMs, EndOfTurn endOfTurn) implements AudioTiming { }

    /**
     * The end-of-turn detector's reading at the pause that ended an answer ({@link EndOfTurnDetector.Reading}).
     *
     * @param neededMs     the silence asked for
     * @param baseMs       the silence the words and the pitch were weighed against
     * @param learned      how many of the speaker's mid-turn pauses it had learned from
     * @param learnedP90Ms their 90th percentile (0 when none)
     * @param atLeastMs    the bound they set on the silence (0 when none)
     * @param words        how the words so far ended: {@code unfinished}, {@code closed} or {@code open}
     * @param wordsFactor  what that multiplied the base by
     * @param pitch        the pitch of the last words: {@code falling}, {@code level}, {@code rising} or {@code unknown}
     * @param pitchFactor  what that multiplied the base by
     */
    record EndOfTurn(long neededMs, long baseMs, int learned, long learnedP90Ms, long atLeastMs, String words, double wordsFactor,
                     String pitch, double pitchFactor) {

        public static EndOfTurn of(EndOfTurnDetector.Reading r) {
            return new EndOfTurn(r.needed().toMillis(), r.base().toMillis(), r.learned(), r.learnedP90().toMillis(), r.atLeast().toMillis(),
                    r.words().name().toLowerCase(java.util.Locale.ROOT), r.wordsFactor(), r.ending().name().toLowerCase(java.util.Locale.ROOT),
                    r.prosodyFactor());
        }
    }

    /**
     * The person cut the reply of {@code turn} off.
     *
     * @param byVoice         spoken over (false: they typed)
     * @param stopMs          the audio's arrival → the reply's audio stopped (the interruption sent); -1 when typed
     * @param heardCharacters how much of the reply's text they had heard when its audio stopped (its words' timings decide)
     */
    record BargeIn(int turn, boolean byVoice, double stopMs, int heardCharacters) implements AudioTiming { }

    /**
     * Where the audio of a turn is kept: a range of 16-bit little-endian mono PCM in a file of the server's data folder,
     * forced to the device before this is journaled. A later one for the same turn and track replaces an earlier one (a
     * reply's range grows sentence by sentence).
     *
     * @param turn       the turn: for {@code participant}, the spoken answer that began it; for {@code interviewer}, its reply
     * @param track      {@code participant} (their microphone, as received) or {@code interviewer} (its voice, as sent)
     * @param file       the file's name in the data folder's {@code audio} folder
     * @param sampleRate the file's samples per second (16000; a phone call's microphone 8000)
     * @param fromByte   where the turn's audio begins in the file
     * @param toByte     where it ends (exclusive)
     */
    record Kept(int turn, String track, String file, int sampleRate, long fromByte, long toByte) implements AudioTiming { }

    /**
     * A track's audio is no longer kept in this session from here on (its cap was reached, or a write failed): the interview
     * goes on, and its later turns have no {@link Kept}.
     *
     * @param track  {@code participant} or {@code interviewer}
     * @param reason what happened, in plain words
     */
    record NotKept(String track, String reason) implements AudioTiming { }
}
