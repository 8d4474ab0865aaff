package dev.chassis.talk.assemble;

import dev.chassis.core.token.Tokenizer;
import dev.chassis.talk.state.Line;
import java.util.Arrays;
import java.util.List;

/**
 * Token counts of transcript lines, computed once per line: the window is chosen every turn, and
 * counting the whole transcript each time would cost milliseconds by turn 400. Owned by one
 * session's turn thread; not thread-safe.
 */
public final class TokenCounts {

    private final Tokenizer tokenizer;
    private int[] counts = new int[64];
    private int known;

    public TokenCounts(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Tokens of line {@code index} of {@code transcript} (plus a few for the message envelope). */
    public int of(List<Line> transcript, int index) {
        while (known <= index) {
            if (known == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[known] = tokenizer.count(transcript.get(known).text()) + 4;
            known++;
        }
        return counts[index];
    }

    // Digest lines repeat from turn to turn (claims, summaries, recalled moments): count each once.
    private final java.util.LinkedHashMap<String, Integer> cache = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Integer> eldest) {
            return size() > 512;
        }
    };

    /** Tokens of a piece of text, cached. */
    public int of(String text) {
        Integer n = cache.get(text);
        if (n == null) {
            n = tokenizer.count(text);
            cache.put(text, n);
        }
        return n;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }
}
