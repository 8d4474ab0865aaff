package dev.chassis.talk.guard;

import dev.chassis.core.text.Words;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches a reply as it streams and reports when it starts reciting the staged context: any run of
 * {@value #SHINGLE} consecutive words that also occurs in the staged prefix (questions the agent is
 * meant to ask excluded). One instance per reply; not thread-safe (a reply streams on one thread).
 */
public final class LeakGuard {

    /** Words in a row that count as recital. */
    public static final int SHINGLE = 8;

    private final Set<String> staged;
    private final Deque<String> window = new ArrayDeque<>(SHINGLE);
    private final StringBuilder pending = new StringBuilder();
    private boolean leaked;

    private LeakGuard(Set<String> staged) {
        this.staged = staged;
    }

    /**
     * What a session's replies must not recite: the staged context's word runs, minus what the agent may
     * say verbatim (its planned questions and opening). Compute once per session; immutable.
     */
    public static Set<String> protectedRuns(String stagedPrefix, List<String> allowed) {
        Set<String> shingles = shingles(stagedPrefix);
        for (String a : allowed) {
            shingles.removeAll(shingles(a));
        }
        return Set.copyOf(shingles);
    }

    /** A guard for one reply. */
    public static LeakGuard watching(Set<String> protectedRuns) {
        return new LeakGuard(protectedRuns);
    }

    /** Feeds the next token; true once the reply has recited the staged context. */
    public boolean accept(String token) {
        if (leaked || staged.isEmpty()) {
            return leaked;
        }
        pending.append(token);
        List<String> words = Words.words(pending.toString());
        boolean endsInWord = !token.isEmpty() && Character.isLetterOrDigit(token.charAt(token.length() - 1));
        int complete = endsInWord ? words.size() - 1 : words.size();
        for (int i = 0; i < complete; i++) {
            window.addLast(words.get(i));
            if (window.size() > SHINGLE) {
                window.removeFirst();
            }
            if (window.size() == SHINGLE && staged.contains(String.join(" ", window))) {
                leaked = true;
                return true;
            }
        }
        pending.setLength(0);
        if (endsInWord && !words.isEmpty()) {
            pending.append(words.getLast());
        }
        return false;
    }

    public boolean leaked() {
        return leaked;
    }

    private static Set<String> shingles(String text) {
        List<String> w = Words.words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + SHINGLE)));
        }
        return out;
    }
}
