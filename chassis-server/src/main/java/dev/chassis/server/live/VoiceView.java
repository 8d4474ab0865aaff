package dev.chassis.server.live;

import dev.chassis.talk.state.Line;
import dev.chassis.talk.voice.EndOfTurnDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the console shows of a spoken session beside the text view: how it is connected, the engines it runs on, the audio
 * timings of each answered turn, and each time the person cut the interviewer off with what they had heard of it.
 *
 * @param channel     {@code browser} (the participant page's microphone) or {@code phone} (a Twilio call)
 * @param recogniser  the speech recogniser's name
 * @param synthesiser the speech synthesiser's name
 */
public record VoiceView(String channel, String recogniser, String synthesiser, List<Turn> turns, List<BargeIn> bargeIns) {

    public VoiceView {
        turns = List.copyOf(turns);
        bargeIns = List.copyOf(bargeIns);
    }

    /**
     * The audio of one spoken answer and the reply to it: end of speech to first audio and its parts, in order.
     *
     * @param turn          the reply's turn
     * @param waitedMs      silence waited after the speech before the turn was taken as over
     * @param recognisedMs  end of speech → final transcript (the silence waited, then the recogniser's final pass)
     * @param harnessMs     final transcript → the reply's first sentence (or clause) handed to the synthesiser
     * @param synthesisMs   that sentence handed over → its first audio sent
     * @param firstAudioMs  end of speech → the reply's first audio sent
     * @param endOfTurn     why the end-of-turn detector waited that long (null for turns timed before it was kept)
     */
    public record Turn(int turn, double waitedMs, double recognisedMs, double harnessMs, double synthesisMs, double firstAudioMs,
                       EndOfTurn endOfTurn) {
    }

    /**
     * The end-of-turn detector's reading at the pause that ended a turn: the silence it asked for and its terms.
     *
     * @param neededMs      the silence asked for
     * @param baseMs        the silence the words and the pitch were weighed against
     * @param learned       how many of the speaker's mid-turn pauses it had learned from
     * @param learnedP90Ms  their 90th percentile (0 when none)
     * @param atLeastMs     the bound they set on the silence (0 when none)
     * @param words         how the words so far ended: {@code unfinished}, {@code closed} or {@code open}
     * @param wordsFactor   what that multiplied the base by
     * @param pitch         the pitch of the last words: {@code falling}, {@code level}, {@code rising} or {@code unknown}
     * @param pitchFactor   what that multiplied the base by
     */
    public record EndOfTurn(long neededMs, long baseMs, int learned, long learnedP90Ms, long atLeastMs, String words, double wordsFactor,
                            String pitch, double pitchFactor) {

        static EndOfTurn of(EndOfTurnDetector.Reading r) {
            return new EndOfTurn(r.needed().toMillis(), r.base().toMillis(), r.learned(), r.learnedP90().toMillis(), r.atLeast().toMillis(),
                    r.words().name().toLowerCase(Locale.ROOT), r.wordsFactor(), r.ending().name().toLowerCase(Locale.ROOT), r.prosodyFactor());
        }
    }

    /**
     * The person cut a reply off.
     *
     * @param turn            the reply cut
     * @param byVoice         spoken over (false: they typed)
     * @param stopMs          the audio's arrival → the reply's audio stopped (the interruption sent); -1 when typed
     * @param heardCharacters how much of the reply they heard; -1 until its audio's word timings are in
     * @param heard           those words, as the transcript keeps them
     */
    public record BargeIn(int turn, boolean byVoice, double stopMs, int heardCharacters, String heard) {
    }

    /** With each barge-in's heard words taken from the transcript (its reply line is cut to what was heard). */
    VoiceView heardFrom(List<Line> transcript) {
        List<BargeIn> out = new ArrayList<>(bargeIns.size());
        for (BargeIn b : bargeIns) {
            String heard = b.heard();
            if (b.heardCharacters() >= 0) {
                heard = transcript.stream().filter(l -> l.turn() == b.turn() && l.speaker() == Line.Speaker.AGENT).map(Line::text)
                        .findFirst().map(t -> t.substring(0, Math.min(t.length(), b.heardCharacters()))).orElse(heard);
            }
            out.add(new BargeIn(b.turn(), b.byVoice(), b.stopMs(), b.heardCharacters(), heard));
        }
        return new VoiceView(channel, recogniser, synthesiser, turns, out);
    }
}
