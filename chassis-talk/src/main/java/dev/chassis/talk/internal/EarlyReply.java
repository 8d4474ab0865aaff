package dev.chassis.talk.internal;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A reply generated before the person finished speaking, from the prompt their words so far would make. Its tokens
 * are kept (and, once it is the reply a turn would find, shown to the caller's early listener, which may rehearse them)
 * until the turn either takes it over,
 * because the turn's own prompt is the very same, or drops it. Taken over, it replays what it kept and then streams on,
 * as if the request had just been sent. Thread-safe; tokens reach a listener one at a time, in order.
 */
final class EarlyReply {

    private final long order;
    private final int turn;
    private final Prompt prompt;
    private final TokenListener early;
    private final List<String> tokens = new ArrayList<>();   // guarded by this
    private TokenListener taker;                              // guarded by this; set once taken over
    private boolean live;                                     // guarded by this: tokens go straight to the taker
    private boolean stopped;                                  // guarded by this: dropped or cancelled, nothing more is delivered
    private boolean shown;                                    // guarded by this: the early listener may see the tokens
    private volatile Generation generation;

    private EarlyReply(long order, int turn, Prompt prompt, TokenListener early) {
        this.order = order;
        this.turn = turn;
        this.prompt = prompt;
        this.early = early;
    }

    /**
     * Starts generating the reply to {@code prompt}, the prompt turn {@code turn} would send; {@code order} numbers the
     * session's preparations in the order they were asked for.
     */
    static EarlyReply start(Model model, long order, int turn, Prompt prompt, Duration timeout, TokenListener early) {
        EarlyReply r = new EarlyReply(order, turn, prompt, early);
        r.generation = model.stream(prompt, Deadline.in(timeout), r::token);
        return r;
    }

    int turn() {
        return turn;
    }

    long order() {
        return order;
    }

    /** Whether this reply answers exactly {@code p}: same messages, directive, tools and options. */
    boolean answers(int t, Prompt p) {
        return turn == t && prompt.equals(p);
    }

    private synchronized void token(String t) {
        if (stopped) {
            return;
        }
        tokens.add(t);
        if (live) {
            taker.onToken(t);
        } else if (taker == null && shown) {
            rehearse(t);
        }
    }

    /**
     * From now on the early listener sees the tokens, those kept so far first: called once this is the reply a turn would
     * find. Before that it is only being generated, so a listener that saw its first words never sends a turn that misses
     * it (a turn came between the first token and the reply's being kept for it, and asked the model again). Nothing once
     * dropped or taken over.
     */
    synchronized void show() {
        if (stopped || taker != null || shown) {
            return;
        }
        shown = true;
        tokens.forEach(this::rehearse);
    }

    private void rehearse(String t) {
        try {
            early.onToken(t);
        } catch (RuntimeException e) {
            // a rehearsal that fails costs only the time it would have saved
        }
    }

    /** The turn did not take it: stop generating. Idempotent. */
    void drop() {
        synchronized (this) {
            stopped = true;
        }
        Generation g = generation;
        if (g != null) {
            g.cancel();
        }
    }

    /**
     * The turn takes this reply over: {@code listener} gets every token so far (on another thread, as a model's would
     * come) and then the rest as it streams. The generation handed back completes once the replay is done and the model
     * finished; cancelling it stops both.
     */
    Generation takeOver(TokenListener listener) {
        synchronized (this) {
            taker = listener;
        }
        CompletableFuture<Void> replayed = new CompletableFuture<>();
        Thread.ofVirtual().name("early-reply-" + turn).start(() -> {
            synchronized (this) {
                for (int i = 0; i < tokens.size() && !stopped; i++) {
                    taker.onToken(tokens.get(i));
                }
                live = true;
            }
            replayed.complete(null);
        });
        CompletableFuture<Completion> result = replayed.thenCompose(v -> generation.result());
        return new Generation() {
            @Override
            public void cancel() {
                drop();
                replayed.complete(null);
            }

            @Override
            public CompletableFuture<Completion> result() {
                return result;
            }
        };
    }
}
