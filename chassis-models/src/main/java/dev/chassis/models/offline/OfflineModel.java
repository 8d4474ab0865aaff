package dev.chassis.models.offline;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Intent;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.text.Words;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.locks.LockSupport;

/**
 * The deterministic engine: no network, the same reply for the same prompt.
 *
 * <p>A prompt's {@link Intent} goes to the first registered {@link OfflineRealiser} whose type it is
 * an instance of (explicitly registered realisers first, then those found by {@link ServiceLoader});
 * a prompt without a realisable intent gets a short reflective reply. The text is streamed token by
 * token on a virtual thread, paced by {@link Pacing}. Thread-safe.
 *
 * <pre>{@code
 * Model model = OfflineModel.create();                       // realisers discovered, LIVELY pacing
 * Model fast = OfflineModel.builder().pacing(Pacing.INSTANT).build();
 * }</pre>
 */
public final class OfflineModel implements Model {

    private final String name;
    private final List<OfflineRealiser<?>> realisers;
    private final Pacing pacing;

    private OfflineModel(String name, List<OfflineRealiser<?>> realisers, Pacing pacing) {
        this.name = name;
        this.realisers = List.copyOf(realisers);
        this.pacing = pacing;
    }

    /** The offline engine with every realiser on the class path and {@link Pacing#LIVELY} pacing. */
    public static OfflineModel create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /** The realisers in the order they are tried. */
    public List<OfflineRealiser<?>> realisers() {
        return realisers;
    }

    public Pacing pacing() {
        return pacing;
    }

    /** A copy with other pacing and the same realisers. */
    public OfflineModel withPacing(Pacing newPacing) {
        return new OfflineModel(name, realisers, Objects.requireNonNull(newPacing, "pacing"));
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        StreamingGeneration g = StreamingGeneration.start(name, deadline, listener);
        Thread worker = Thread.ofVirtual().name("offline-model").unstarted(() -> produce(prompt, g));
        g.onCancel(worker::interrupt);
        worker.start();
        return g;
    }

    private void produce(Prompt prompt, StreamingGeneration g) {
        OfflineRealiser.Reply reply;
        try {
            reply = realise(prompt);
        } catch (RuntimeException e) {
            g.fail(new ModelException.MalformedReply(name, "realiser failed for "
                    + prompt.intent().map(i -> i.getClass().getSimpleName()).orElse("the prompt") + ": " + e, e));
            return;
        }
        if (!pause(pacing.firstToken(), g)) {
            return;
        }
        boolean first = true;
        for (String token : Words.tokens(reply.text())) {
            if (!first && !pause(pacing.perToken(), g)) {
                return;
            }
            first = false;
            if (!g.token(token)) {
                return;
            }
        }
        g.complete(prompt, reply.toolCalls(), Optional.empty(),
                reply.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS);
    }

    OfflineRealiser.Reply realise(Prompt prompt) {
        if (prompt.intent().isPresent()) {
            Intent intent = prompt.intent().get();
            for (OfflineRealiser<?> r : realisers) {
                if (r.intentType().isInstance(intent)) {
                    OfflineRealiser.Reply reply = apply(r, intent, prompt);
                    return Objects.requireNonNull(reply, () -> "realiser " + r.getClass().getName() + " returned null");
                }
            }
        }
        return OfflineRealiser.Reply.text(ReflectiveReply.to(prompt));
    }

    private static <I extends Intent> OfflineRealiser.Reply apply(OfflineRealiser<I> realiser, Intent intent, Prompt prompt) {
        return realiser.realise(realiser.intentType().cast(intent), prompt);
    }

    /** Sleeps unless the generation stops first; false when it stopped. */
    private static boolean pause(Duration d, StreamingGeneration g) {
        if (g.isStopped()) {
            return false;
        }
        if (!d.isZero()) {
            LockSupport.parkNanos(d.toNanos());
        }
        return !g.isStopped();
    }

    @Override
    public String toString() {
        return "OfflineModel[" + name + ", " + realisers.size() + " realisers, " + pacing + "]";
    }

    /** Builds an {@link OfflineModel}; not thread-safe. */
    public static final class Builder {
        private final List<OfflineRealiser<?>> realisers = new ArrayList<>();
        private boolean discover = true;
        private Pacing pacing = Pacing.LIVELY;
        private String name = "offline";

        private Builder() {
        }

        /** Registers a realiser, tried before discovered ones and in registration order. */
        public Builder realiser(OfflineRealiser<?> realiser) {
            realisers.add(Objects.requireNonNull(realiser, "realiser"));
            return this;
        }

        /** Whether to add the realisers found by {@link ServiceLoader}; true unless set. */
        public Builder discoverRealisers(boolean discover) {
            this.discover = discover;
            return this;
        }

        public Builder pacing(Pacing pacing) {
            this.pacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        public OfflineModel build() {
            List<OfflineRealiser<?>> all = new ArrayList<>(realisers);
            if (discover) {
                for (OfflineRealiser<?> r : ServiceLoader.load(OfflineRealiser.class)) {
                    if (all.stream().noneMatch(x -> x.getClass().equals(r.getClass()))) {
                        all.add(r);
                    }
                }
            }
            return new OfflineModel(name, all, pacing);
        }
    }
}
