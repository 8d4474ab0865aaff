package dev.chassis.talk.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * What of one spoken reply the person has heard: the reply is spoken sentence by sentence, each sentence's audio sent
 * in pieces that play one after the other, and the synthesiser's word timings say which words a piece held. When
 * playback stops (a barge-in), {@link #heardCharacters} tells how much of the reply's text was heard: up to the end of
 * the last word whose sound had fully played, or a whole sentence that had played to its end. Times are
 * {@link System#nanoTime()} values of when each piece starts to play at the listener. Thread-safe.
 */
public final class ReplyPlayback {

    private final int turn;
    private final int rate;
    private final List<Sentence> sentences = new ArrayList<>();

    /**
     * @param turn the turn whose reply this is
     * @param rate the sample rate of the pieces sent
     */
    public ReplyPlayback(int turn, int rate) {
        this.turn = turn;
        this.rate = rate;
    }

    public int turn() {
        return turn;
    }

    /** A sentence of the reply about to be spoken, starting at {@code offset} characters into the reply's text. */
    public synchronized Sentence sentence(int offset, String text) {
        Sentence s = new Sentence(offset, text);
        sentences.add(s);
        return s;
    }

    /** How many characters of the reply's text had been heard when playback stopped at {@code stoppedNanos}. */
    public synchronized int heardCharacters(long stoppedNanos) {
        int heard = 0;
        for (Sentence s : sentences) {
            int within = s.heard(stoppedNanos, rate);
            if (within < 0) {
                heard = s.offset + s.text.length();
                continue;
            }
            return within > 0 ? s.offset + within : heard;
        }
        return heard;
    }

    /** One sentence of the reply: its place in the reply, the pieces of its audio, and its word timings once synthesised. */
    public final class Sentence {
        private final int offset;
        private final String text;
        private final List<long[]> pieces = new ArrayList<>();   // {plays at, samples}
        private TextToSpeech.Spoken spoken;

        private Sentence(int offset, String text) {
            this.offset = offset;
            this.text = text;
        }

        /** A piece of this sentence's audio, {@code samples} long, starts to play at {@code playsAtNanos}. */
        public void piece(long playsAtNanos, int samples) {
            synchronized (ReplyPlayback.this) {
                pieces.add(new long[] {playsAtNanos, samples});
            }
        }

        /** The synthesiser finished (or was stopped): its words place each word in this sentence's audio. */
        public void spoken(TextToSpeech.Spoken result) {
            synchronized (ReplyPlayback.this) {
                spoken = result;
            }
        }

        /** Characters of this sentence heard by {@code stoppedNanos}; -1 when all of it played. Under the playback's lock. */
        private int heard(long stoppedNanos, int rate) {
            long played = 0;
            long total = 0;
            for (long[] p : pieces) {
                total += p[1];
                played += Math.clamp((stoppedNanos - p[0]) * rate / 1_000_000_000L, 0, p[1]);
            }
            if (spoken != null && !spoken.cancelled() && total > 0 && played >= total) {
                return -1;
            }
            long playedMs = played * 1000 / rate;
            if (spoken != null && !spoken.words().isEmpty()) {
                return byWords(spoken.words(), playedMs);
            }
            if (spoken == null || total == 0) {
                return 0;   // no timings and no known length: nothing can be said to have been heard whole
            }
            int share = (int) (text.length() * played / total);   // no timings: the same share of the text, at a word's end
            int space = text.lastIndexOf(' ', share);
            return share >= text.length() ? text.length() : Math.max(0, space);
        }

        /** The end of the last word whose sound ended by {@code playedMs}, as a character position in the sentence. */
        private int byWords(List<Word> words, long playedMs) {
            int cursor = 0;
            int heard = 0;
            for (Word w : words) {
                int at = text.indexOf(w.text(), cursor);
                if (at < 0) {
                    continue;   // a word the engine spelled differently: the next one places the cursor again
                }
                cursor = at + w.text().length();
                if (w.end().toMillis() > playedMs) {
                    break;
                }
                heard = cursor;
            }
            return heard;
        }
    }
}
