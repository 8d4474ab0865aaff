package dev.chassis.talk.assemble;

import dev.chassis.core.token.Tokenizer;
import dev.chassis.talk.state.Line;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Token counts of what goes into a prompt, each counted once: tokenizing is most of what assembly
 * would cost on a turn's path. Transcript lines are counted once per line. Work behind the turn
 * counts ahead what a later turn will need (the agent's reply, the digest lines of recalled moments,
 * claims and emotions: {@link #warmRecalled}, {@link #warm}), so a turn counts little more than the
 * person's new words. Everything here may be shared between the turn thread and that background
 * work, except the cache of other texts, which belongs to the turn thread.
 */
public final class TokenCounts {

    /** Tokens a chat message adds around its text. */
    public static final int ENVELOPE = 4;

    private static final int MAX_WARMED = 1_024;

    private final Tokenizer tokenizer;
    // Guarded by this; 0 means not counted yet (a counted line costs at least the envelope).
    private int[] lines = new int[64];
    // The hash of the text each count was taken of, guarded by this: a prepared draft's line may be replaced by the
    // words the person finally said at the same index, and its count must not be reused for them.
    private int[] hashes = new int[64];
    // The digest line of the moment said at turn i, by turn; guarded by this, 0 for not counted.
    private int[] recalled = new int[64];
    // Digest lines counted ahead by the background (claims, emotions), the oldest dropped first.
    private final Map<String, Integer> warmed = new ConcurrentHashMap<>();
    private final Queue<String> warmedOrder = new ConcurrentLinkedQueue<>();
    // Digest lines repeat from turn to turn (claims, summaries): counted once. Turn thread only.
    private final Map<String, Integer> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 512;
        }
    };

    public TokenCounts(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Tokens of line {@code index} of {@code transcript}, with the message envelope. Any thread. */
    public int of(List<Line> transcript, int index) {
        String text = transcript.get(index).text();
        int known = known(index, text.hashCode());
        if (known > 0) {
            return known;
        }
        int n = tokenizer.count(text) + ENVELOPE; // outside the lock: the other thread never waits for a count
        store(index, text.hashCode(), n);
        return n;
    }

    private synchronized int known(int index, int hash) {
        return index < lines.length && hashes[index] == hash ? lines[index] : 0;
    }

    private synchronized void store(int index, int hash, int n) {
        lines = put(lines, index, n);
        hashes = put(hashes, index, hash);
    }

    /** Tokens of {@code line}, the digest line recalling what was said at {@code turn}: counted once per turn. Turn thread. */
    public int recalled(int turn, String line) {
        synchronized (this) {
            if (turn < recalled.length && recalled[turn] > 0) {
                return recalled[turn];
            }
        }
        int n = tokenizer.count(line);
        synchronized (this) {
            recalled = put(recalled, turn, n);
        }
        return n;
    }

    /** Counts the digest line recalling {@code turn} ahead of the turns that may recall it. Any thread. */
    public void warmRecalled(int turn, String line) {
        recalled(turn, line);
    }

    private static int[] put(int[] array, int index, int n) {
        int[] a = index < array.length ? array : Arrays.copyOf(array, Math.max(array.length * 2, index + 1));
        a[index] = n;
        return a;
    }

    /** Tokens of a piece of text, counted once. Turn thread only. */
    public int of(String text) {
        Integer n = warmed.get(text);
        if (n == null) {
            n = cache.get(text);
        }
        if (n == null) {
            n = tokenizer.count(text);
            cache.put(text, n);
        }
        return n;
    }

    /** Counts {@code text} now, off the turn's path, for a later turn that will need it. Any thread. */
    public void warm(String text) {
        if (warmed.containsKey(text)) {
            return;
        }
        if (warmed.putIfAbsent(text, tokenizer.count(text)) != null) {
            return; // another thread counted it meanwhile
        }
        warmedOrder.add(text);
        while (warmed.size() > MAX_WARMED) {
            String oldest = warmedOrder.poll();
            if (oldest == null) {
                break;
            }
            warmed.remove(oldest);
        }
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }
}
