package dev.chassis.talk.guard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every cue of every language in one pass over the text (Aho-Corasick), so the cost of an
 * ordinary answer grows with its length, not with the number of cues or languages. Transitions are
 * stored flat and sorted; characters below {@value #DIRECT} leave the root through a direct table,
 * which is where an ordinary answer's scan spends most of its steps. Immutable and thread-safe.
 */
final class CueAutomaton {

    /** Receives each pattern found, with the position just after its last character. */
    interface Hits {
        void hit(int pattern, int end);
    }

    private static final int DIRECT = 0x3000;

    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] rootDirect;
    private final int[] fail;
    private final int[] pattern;
    private final int[] outLink;

    private CueAutomaton(int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] rootDirect, int[] fail, int[] pattern, int[] outLink) {
        this.edgeStart = edgeStart;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.rootDirect = rootDirect;
        this.fail = fail;
        this.pattern = pattern;
        this.outLink = outLink;
    }

    /** An automaton for {@code patterns}; pattern {@code i} is reported as {@code i}. Patterns must be distinct and non-empty. */
    static CueAutomaton of(List<String> patterns) {
        List<TreeMap<Character, Integer>> children = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        children.add(new TreeMap<>());
        ends.add(-1);
        for (int p = 0; p < patterns.size(); p++) {
            int node = 0;
            for (char c : patterns.get(p).toCharArray()) {
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.add(new TreeMap<>());
                    ends.add(-1);
                    children.get(node).put(c, next);
                }
                node = next;
            }
            ends.set(node, p);
        }
        int n = children.size();
        int[] edgeStart = new int[n + 1];
        int edges = 0;
        for (int i = 0; i < n; i++) {
            edgeStart[i] = edges;
            edges += children.get(i).size();
        }
        edgeStart[n] = edges;
        char[] edgeChar = new char[edges];
        int[] edgeTarget = new int[edges];
        for (int i = 0; i < n; i++) {
            int k = edgeStart[i];
            for (Map.Entry<Character, Integer> e : children.get(i).entrySet()) {
                edgeChar[k] = e.getKey();
                edgeTarget[k++] = e.getValue();
            }
        }
        int[] rootDirect = new int[DIRECT];
        for (Map.Entry<Character, Integer> e : children.getFirst().entrySet()) {
            if (e.getKey() < DIRECT) {
                rootDirect[e.getKey()] = e.getValue();
            }
        }
        int[] pattern = ends.stream().mapToInt(Integer::intValue).toArray();
        int[] fail = new int[n];
        int[] outLink = new int[n];
        java.util.Arrays.fill(outLink, -1);
        CueAutomaton a = new CueAutomaton(edgeStart, edgeChar, edgeTarget, rootDirect, fail, pattern, outLink);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children.getFirst().values()) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (Map.Entry<Character, Integer> e : children.get(node).entrySet()) {
                int child = e.getValue();
                int f = fail[node];
                int next;
                while ((next = a.child(f, e.getKey())) < 0 && f != 0) {
                    f = fail[f];
                }
                fail[child] = next >= 0 && next != child ? next : 0;
                outLink[child] = pattern[fail[child]] >= 0 ? fail[child] : outLink[fail[child]];
                queue.add(child);
            }
        }
        return a;
    }

    /** Reports every pattern occurrence in {@code text}. */
    void scan(CharSequence text, Hits hits) {
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next;
            while ((next = child(node, c)) < 0 && node != 0) {
                node = fail[node];
            }
            node = next < 0 ? 0 : next;
            for (int o = pattern[node] >= 0 ? node : outLink[node]; o >= 0; o = outLink[o]) {
                hits.hit(pattern[o], i + 1);
            }
        }
    }

    /** Number of states, for tests and sizing. */
    int states() {
        return pattern.length;
    }

    private int child(int node, char c) {
        if (node == 0 && c < DIRECT) {
            int t = rootDirect[c];
            return t == 0 ? -1 : t;
        }
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        if (hi - lo < 8) {
            for (int k = lo; k <= hi; k++) {
                if (edgeChar[k] == c) {
                    return edgeTarget[k];
                }
            }
            return -1;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }
}
