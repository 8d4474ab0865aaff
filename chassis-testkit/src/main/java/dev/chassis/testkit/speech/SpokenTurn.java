package dev.chassis.testkit.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A turn spoken piece by piece with known pauses: where each piece starts and ends in the audio is exact, so a test
 * knows which silences were mid-turn pauses and where the turn really ended. Immutable.
 *
 * @param pieces the spoken pieces with their text and place in the audio
 * @param audio  16 kHz samples: the pieces, the pauses between them, then {@code trailing} silence
 * @param end    where the last piece ends: the real end of the turn
 */
public record SpokenTurn(List<Piece> pieces, short[] audio, Duration end) {

    /**
     * One spoken piece.
     *
     * @param text       what was said
     * @param start      where it starts in the turn's audio
     * @param stop       where it ends
     * @param unfinished the phrase goes on after the pause that follows (a mid-phrase pause, not a sentence end)
     */
    public record Piece(String text, Duration start, Duration stop, boolean unfinished) { }

    /** A piece of a script to speak, and the pause after it (zero for the last). */
    public record Line(String text, Duration pauseAfter, boolean unfinished) {

        public Line {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The turn's text: its pieces joined. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            sb.append(sb.isEmpty() ? "" : " ").append(p.text());
        }
        return sb.toString();
    }

    /** The mid-turn pauses: from the end of each piece but the last to the start of the next. */
    public List<Duration[]> pauses() {
        List<Duration[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < pieces.size(); i++) {
            out.add(new Duration[] {pieces.get(i).stop(), pieces.get(i + 1).start()});
        }
        return out;
    }

    /** Speaks {@code lines} with espeak-ng in {@code voice}, adding {@code trailing} silence after the last. */
    public static SpokenTurn speak(List<Line> lines, String voice, int wordsPerMinute, int pitch, Duration trailing) {
        List<short[]> parts = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        long at = 0;
        for (Line l : lines) {
            short[] s = Speech.synthesise(l.text(), voice, wordsPerMinute, pitch);
            pieces.add(new Piece(l.text(), ms(at), ms(at + s.length), l.unfinished()));
            parts.add(s);
            at += s.length;
            int gap = (int) (l.pauseAfter().toMillis() * 16);
            parts.add(new short[gap]);
            at += gap;
        }
        short[] tail = new short[(int) (trailing.toMillis() * 16)];
        parts.add(tail);
        return new SpokenTurn(List.copyOf(pieces), Speech.join(parts), pieces.getLast().stop());
    }

    /** Recorded pieces (16 kHz samples each) joined with pauses; {@code texts} are what each says. */
    public static SpokenTurn recorded(List<short[]> recordings, List<String> texts, List<Duration> pausesAfter, Duration trailing) {
        List<short[]> parts = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < recordings.size(); i++) {
            short[] s = Speech.trim(recordings.get(i));
            pieces.add(new Piece(texts.get(i), ms(at), ms(at + s.length), false));
            parts.add(s);
            at += s.length;
            int gap = (int) (pausesAfter.get(i).toMillis() * 16);
            parts.add(new short[gap]);
            at += gap;
        }
        parts.add(new short[(int) (trailing.toMillis() * 16)]);
        return new SpokenTurn(List.copyOf(pieces), Speech.join(parts), pieces.getLast().stop());
    }

    private static Duration ms(long samples) {
        return Duration.ofMillis(samples / 16);
    }
}
