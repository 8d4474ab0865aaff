package dev.chassis.talk.internal;

import dev.chassis.talk.assemble.ContextAssembler;
import dev.chassis.talk.assemble.TokenCounts;
import dev.chassis.talk.recall.Moment;
import dev.chassis.talk.recall.RecallIndex;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.List;

/**
 * Recall for one session: every answer is indexed behind its turn (and counted ahead for the prompt line that
 * would recall it), and a turn asks for earlier moments related to what was just said. With the STATE feature
 * off the index is still kept, but nothing is recalled into a prompt. Indexing runs on the session's background
 * executor, one task at a time.
 */
final class SessionRecall {

    private final RecallIndex index;
    private final TokenCounts counts;
    private final boolean recalling;

    SessionRecall(RecallIndex index, TokenCounts counts, boolean recalling) {
        this.index = index;
        this.counts = counts;
        this.recalling = recalling;
    }

    /** Up to three earlier moments for the prompt of {@code turn}: by keyword (outside the verbatim window), then by meaning. */
    List<Moment> recalled(String text, int turn) {
        if (!recalling) {
            return List.of();
        }
        List<Moment> out = new ArrayList<>(index.byKeyword(text, turn - Compaction.KEEP_TURNS, 2));
        for (Moment m : index.byMeaning(turn - 1)) {
            if (out.size() < 3 && out.stream().noneMatch(x -> x.turn() == m.turn())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Indexes an answer (background). */
    void index(int turn, String text) {
        index.add(turn, text);
        ContextAssembler.countAhead(turn, text, counts);
    }

    /** Indexes every answer of a resumed session (background). */
    void reindex(SessionState s) {
        for (Line l : s.transcript()) {
            if (l.speaker() == Line.Speaker.USER) {
                index(l.turn(), l.text());
            }
        }
    }
}
