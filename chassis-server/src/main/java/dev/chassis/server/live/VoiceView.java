package dev.chassis.server.live;

import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.voice.AudioTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console shows of a spoken session beside the text view, read from the session's journal (its state's log): how
 * it is connected, the engines it runs on, the audio timings of each answered turn, and each time the person cut the
 * interviewer off with what they had heard of it, and where each turn's audio is kept (or why it no longer is).
 *
 * @param channel     {@code browser} (the participant page's microphone) or {@code phone} (a Twilio call)
 * @param recogniser  the speech recogniser's name
 * @param synthesiser the speech synthesiser's name
 * @param turns       each spoken answer's way from the end of speech to the reply's first audio, in order
 * @param kept        where each turn's audio is kept (the latest place of each turn and track), in the order journaled;
 *                    {@code GET /api/sessions/<id>/audio/<turn>/<track>} plays it
 * @param notKept     each track whose audio stopped being kept, and why
 */
public record VoiceView(String channel, String recogniser, String synthesiser, List<AudioTiming.Answer> turns, List<BargeIn> bargeIns,
                        List<AudioTiming.Kept> kept, List<AudioTiming.NotKept> notKept) {

    public VoiceView {
        turns = List.copyOf(turns);
        bargeIns = List.copyOf(bargeIns);
        kept = List.copyOf(kept);
        notKept = List.copyOf(notKept);
    }

    /**
     * The person cut a reply off.
     *
     * @param turn            the reply cut
     * @param byVoice         spoken over (false: they typed)
     * @param stopMs          the audio's arrival → the reply's audio stopped (the interruption sent); -1 when typed
     * @param heardCharacters how much of the reply they heard
     * @param heard           those words, as the transcript keeps them
     */
    public record BargeIn(int turn, boolean byVoice, double stopMs, int heardCharacters, String heard) {
    }

    /** The voice view of a session from its journaled events; empty when nobody spoke in it. */
    static Optional<VoiceView> of(SessionState s) {
        AudioTiming.Connected connected = null;
        List<AudioTiming.Answer> turns = new ArrayList<>();
        List<BargeIn> bargeIns = new ArrayList<>();
        java.util.Map<String, AudioTiming.Kept> kept = new java.util.LinkedHashMap<>();
        List<AudioTiming.NotKept> notKept = new ArrayList<>();
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.Spoken spoken) {
                switch (spoken.timing()) {
                    case AudioTiming.Connected c -> connected = c;
                    case AudioTiming.Answer a -> turns.add(a);
                    case AudioTiming.BargeIn b -> bargeIns.add(new BargeIn(b.turn(), b.byVoice(), b.stopMs(), b.heardCharacters(),
                            heard(s, b.turn(), b.heardCharacters())));
                    case AudioTiming.Kept k -> kept.put(k.turn() + " " + k.track(), k);   // a reply's place grows as it is spoken
                    case AudioTiming.NotKept n -> notKept.add(n);
                }
            }
        }
        return connected == null ? Optional.empty()
                : Optional.of(new VoiceView(connected.channel(), connected.recogniser(), connected.synthesiser(), turns, bargeIns,
                List.copyOf(kept.values()), notKept));
    }

    /** The words of the reply of {@code turn} that were heard, as the transcript keeps them. */
    private static String heard(SessionState s, int turn, int characters) {
        return s.transcript().stream().filter(l -> l.turn() == turn && l.speaker() == Line.Speaker.AGENT).map(Line::text).findFirst()
                .map(t -> t.substring(0, Math.min(t.length(), Math.max(0, characters)))).orElse("");
    }
}
