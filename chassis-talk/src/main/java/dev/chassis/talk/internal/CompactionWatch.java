package dev.chassis.talk.internal;

import dev.chassis.talk.assemble.TokenCounts;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One session's compaction bookkeeping: after each turn it counts, in the background, the tokens of the transcript
 * not yet compacted, and once they pass {@link TalkConfig#compactAfter()} writes a {@link Compaction} summary to the
 * session's log. At most one count runs at a time. Thread-safe.
 */
final class CompactionWatch {

    private final TalkConfig config;
    private final String sessionId;
    private final SessionLog log;
    private final TokenCounts counts;
    private final AtomicBoolean running = new AtomicBoolean();
    // Tokens not yet compacted, counted incrementally. Touched only by the run that holds `running`; the flag's
    // set and reset order these accesses between runs.
    private int countedFrom;
    private int linesCounted;
    private int tokensSinceCompaction;

    CompactionWatch(TalkConfig config, String sessionId, SessionLog log, TokenCounts counts) {
        this.config = config;
        this.sessionId = sessionId;
        this.log = log;
        this.counts = counts;
    }

    /** A turn ended: count on {@code background}, unless a count is already running. */
    void afterTurn(Executor background) {
        if (running.compareAndSet(false, true)) {
            background.execute(this::compactIfNeeded);
        }
    }

    private void compactIfNeeded() {
        long start = System.nanoTime();
        try {
            SessionState s = log.snapshot();
            if (s.compactedThrough() != countedFrom) { // a compaction happened: count afresh from there
                countedFrom = s.compactedThrough();
                linesCounted = 0;
                tokensSinceCompaction = 0;
            }
            for (; linesCounted < s.transcript().size(); linesCounted++) {
                Line l = s.transcript().get(linesCounted);
                if (l.turn() > s.compactedThrough()) {
                    // Through the turn's counts: the next turn finds the agent's reply counted already.
                    tokensSinceCompaction += counts.of(s.transcript(), linesCounted) - TokenCounts.ENVELOPE;
                }
            }
            if (tokensSinceCompaction < config.compactAfter()) {
                return;
            }
            Compaction.summarise(s, config.compactor()).ifPresent(summary -> {
                log.append(new SessionEvent.Compacted(config.clock().instant(), summary));
                config.events().accept(new TalkEvent.Compacted(config.clock().instant(), sessionId, s.turn(), summary.toTurn(),
                        Duration.ofNanos(System.nanoTime() - start)));
            });
        } finally {
            running.set(false);
        }
    }
}
