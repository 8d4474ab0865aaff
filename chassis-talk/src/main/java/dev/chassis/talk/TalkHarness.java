package dev.chassis.talk;

import dev.chassis.core.embed.Embedder;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.core.token.Tokenizer;
import dev.chassis.core.token.Tokenizers;
import dev.chassis.talk.internal.LiveSession;
import dev.chassis.talk.internal.TalkConfig;
import dev.chassis.talk.internal.WarmUp;
import dev.chassis.talk.judge.ModelJudges;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.talk.ledger.LedgerRules;
import dev.chassis.talk.monitor.ContradictionMonitor;
import dev.chassis.talk.monitor.CoverageMonitor;
import dev.chassis.talk.monitor.EmotionMonitor;
import dev.chassis.talk.monitor.EngagementMonitor;
import dev.chassis.talk.monitor.LanguageMonitor;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.ProsodyMonitor;
import dev.chassis.talk.monitor.ReplyLanguageMonitor;
import dev.chassis.talk.monitor.TimingMonitor;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.stage.Stager;
import dev.chassis.talk.steer.SteeringPolicy;
import dev.chassis.talk.steer.SteeringRule;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The talk harness: configured once, then stages briefings and opens (or resumes) live sessions.
 * Immutable and thread-safe; one harness serves many concurrent sessions.
 *
 * <pre>{@code
 * TalkHarness harness = TalkHarness.builder()
 *         .model(ModelFactory.fromEnvironment().create("openai:gpt-4.1-mini"))
 *         .fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build())
 *         .journal(new FileJournal(Path.of("sessions")))
 *         .build();
 * StagedContext staged = harness.stage(briefing);
 * try (Session s = harness.open(staged)) {
 *     s.open(System.out::print).join();
 *     s.respond("I started using it last spring.", System.out::print).join();
 * }
 * }</pre>
 */
public final class TalkHarness {

    private final TalkConfig config;
    private final Stager stager;
    private final List<String> ledgerNotes;

    private TalkHarness(TalkConfig config, int stagingBudget, List<String> ledgerNotes) {
        this.config = config;
        this.stager = new Stager(config.tokenizer(), stagingBudget);
        this.ledgerNotes = ledgerNotes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Prepares a briefing before a session: packs it under the staging budget, with the staged notes
     * of the harness's ledger among its rules.
     *
     * @throws dev.chassis.core.input.InvalidInputException when the required parts do not fit
     */
    public StagedContext stage(Briefing briefing) {
        Briefing noted = LedgerRules.withNotes(briefing, ledgerNotes);
        return stager.stage(config.has(Feature.STAGING) ? noted : unstaged(noted));
    }

    /**
     * Runs a short throwaway session on this staged context, answered by the offline fallback in memory, so that the first
     * real session does not pay the JVM's cold start (seconds of planning on its first turns, before any deadline bridge
     * can speak). Calls no model, writes no journal, emits no events or spans. Call it once at start-up, off the path of
     * anyone waiting (a server does it in the background for its studies' languages).
     */
    public void warmUp(StagedContext staged) {
        WarmUp.run(config, staged, builtInMonitors());
    }

    /** Opens a new session with a generated id. */
    public Session open(StagedContext staged) {
        return open(staged, UUID.randomUUID().toString());
    }

    /** Opens a new session with the given id (letters, digits, '.', '_' and '-'). */
    public Session open(StagedContext staged, String sessionId) {
        return LiveSession.start(config, staged, sessionId);
    }

    /** Rebuilds a session from its journal after a crash or disconnect; its state equals the state before. */
    public Session resume(String sessionId) {
        return LiveSession.resume(config, sessionId);
    }

    /** The journal sessions are written to. */
    public Journal journal() {
        return config.journal();
    }

    /** The features switched on. */
    public Set<Feature> features() {
        return config.features();
    }

    /** Without staging the agent knows only the objectives' titles: no planned questions, probes or notes. */
    private static Briefing unstaged(Briefing b) {
        List<Objective> bare = b.objectives().stream().map(o -> new Objective(o.id(), o.title(), "", o.priority(), o.timeShare(),
                List.of("Could you tell me about " + o.title().toLowerCase(java.util.Locale.ROOT) + "?"), List.of(), List.of())).toList();
        return b.toBuilder().objectives(bare).background(java.util.Map.of()).material(List.of()).build();
    }

    /**
     * The built-in monitors: coverage and drift, contradictions, engagement, emotion, language, the reply's language, timing,
     * and the voice of spoken answers against the person's own.
     */
    public static List<Monitor> builtInMonitors() {
        return List.of(new CoverageMonitor(), new ContradictionMonitor(), new EngagementMonitor(), new EmotionMonitor(),
                new LanguageMonitor(), new ReplyLanguageMonitor(), new TimingMonitor(), new ProsodyMonitor());
    }

    /** Configures a {@link TalkHarness}; each setter checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private Model model;
        private Model fallback;
        private Model handOver;
        private Duration firstTokenDeadline = Duration.ofMillis(800);
        private Duration replyTimeout = Duration.ofSeconds(60);
        private int contextBudget = 8_000;
        private int replyReserve = 600;
        private int stagingBudget = 2_500;
        private int compactAfter = 3_000;
        private Tokenizer tokenizer;
        private Journal journal = new InMemoryJournal();
        private Embedder embedder;
        private List<Monitor> monitors = new ArrayList<>(builtInMonitors());
        private SteeringPolicy steering = SteeringPolicy.builtIn();
        private final List<SteeringRule> firstRules = new ArrayList<>();
        private Set<Feature> features = EnumSet.allOf(Feature.class);
        private Clock clock = Clock.systemUTC();
        private EventSink events = EventSink.NONE;
        private OpenTelemetry openTelemetry = GlobalOpenTelemetry.get();   // no-op unless the application installed an SDK
        private Model compactor;
        private List<Fix> ledgerFixes = List.of();
        private ModelJudges judges;

        private Builder() {
        }

        /** The model that writes the replies (required). */
        public Builder model(Model model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The engine that realises directives without a model: deadline bridges, and replies when the model
         * fails. Required while the deadline feature is on; use the offline engine (chassis-models) with instant pacing.
         */
        public Builder fallback(Model fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** A faster model that takes over a turn whose first token is late, instead of a bridge. */
        public Builder handOverTo(Model faster) {
            this.handOver = Objects.requireNonNull(faster, "faster");
            return this;
        }

        /**
         * Time from the end of the person's turn to the first words of the reply (default 800 ms). If the model
         * has said nothing 60 ms before it, the bridge (or hand-over) starts, so that words are out by the deadline.
         */
        public Builder firstTokenDeadline(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("firstTokenDeadline must be positive");
            }
            this.firstTokenDeadline = d;
            return this;
        }

        /** Time for a whole reply before it is abandoned (default 60 s). */
        public Builder replyTimeout(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("replyTimeout must be positive");
            }
            this.replyTimeout = d;
            return this;
        }

        /** The model's context budget in tokens, and the part kept for the reply (defaults 8,000 and 600). */
        public Builder contextBudget(int tokens, int replyReserve) {
            if (tokens <= replyReserve || replyReserve <= 0) {
                throw new IllegalArgumentException("context budget " + tokens + " must exceed a positive reply reserve, was " + replyReserve);
            }
            this.contextBudget = tokens;
            this.replyReserve = replyReserve;
            return this;
        }

        /** Tokens for the staged context (default 2,500). */
        public Builder stagingBudget(int tokens) {
            if (tokens <= 0) {
                throw new IllegalArgumentException("stagingBudget must be positive, was " + tokens);
            }
            this.stagingBudget = tokens;
            return this;
        }

        /** Uncompacted transcript tokens that start a background compaction (default 3,000). */
        public Builder compactAfter(int tokens) {
            if (tokens <= 0) {
                throw new IllegalArgumentException("compactAfter must be positive, was " + tokens);
            }
            this.compactAfter = tokens;
            return this;
        }

        /** A model to write compaction summaries (default: extractive, no model). */
        public Builder compactWith(Model summariser) {
            this.compactor = Objects.requireNonNull(summariser, "summariser");
            return this;
        }

        /** Counts tokens (default: the tokenizer for the model's name). */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        /** Where sessions are journaled (default: in memory). */
        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** Enables recall by meaning for the languages the embedder supports. */
        public Builder embedder(Embedder embedder) {
            this.embedder = Objects.requireNonNull(embedder, "embedder");
            return this;
        }

        /**
         * Lets the coverage, emotion and contradiction monitors also ask a (small, fast) model beside the turn, each
         * within its own budget; their verdicts land for the next turn as the same signals, and a late, failing or
         * malformed judge leaves the lexical verdict standing (a {@code talk.judge-asked} event says which). Applied to
         * the built-in monitors in the list when the harness is built. Leave it unset with the offline engine.
         */
        public Builder judgeWith(ModelJudges judges) {
            this.judges = Objects.requireNonNull(judges, "judges");
            return this;
        }

        /** Replaces the monitors (default: {@link #builtInMonitors()}). */
        public Builder monitors(List<Monitor> monitors) {
            this.monitors = new ArrayList<>(monitors);
            return this;
        }

        /** Adds a monitor to the current list. */
        public Builder addMonitor(Monitor monitor) {
            this.monitors.add(Objects.requireNonNull(monitor, "monitor"));
            return this;
        }

        /** Replaces the steering policy (default: the built-in rules). */
        public Builder steering(SteeringPolicy policy) {
            this.steering = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** A steering rule tried before all others (rules added later go first). */
        public Builder steeringRule(SteeringRule rule) {
            this.firstRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Applies the talk fixes of a mistake ledger to every session the harness opens: its steering
         * rules go before all others, its staged notes join the rules of every briefing it stages.
         *
         * @throws IllegalArgumentException when a steering fix names an unknown signal or directive
         */
        public Builder ledger(Ledger ledger) {
            List<Fix> fixes = ledger.fixes("talk");
            LedgerRules.steering(fixes);
            this.ledgerFixes = fixes;
            return this;
        }

        /** The features switched on (default: all). */
        public Builder features(Set<Feature> features) {
            this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
            return this;
        }

        /** Switches features off, for ablations. */
        public Builder without(Feature... off) {
            EnumSet<Feature> on = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
            on.removeAll(List.of(off));
            this.features = on;
            return this;
        }

        /** The clock for timestamps and timing monitors (default: system UTC); simulations pass a faster one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where events go (default: nowhere). */
        public Builder events(EventSink events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /** OpenTelemetry for spans per session and turn (default: the global one, a no-op unless the application installed an SDK). */
        public Builder openTelemetry(OpenTelemetry otel) {
            this.openTelemetry = Objects.requireNonNull(otel, "otel");
            return this;
        }

        /**
         * Builds the harness.
         *
         * @throws IllegalStateException when the model is missing, or the deadline is on without a fallback
         */
        public TalkHarness build() {
            if (model == null) {
                throw new IllegalStateException("a talk harness needs a model: call model(...)");
            }
            if (fallback == null) {
                throw new IllegalStateException("a talk harness needs a fallback engine for deadline bridges and model failures: "
                        + "call fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build()) from chassis-models");
            }
            SteeringPolicy policy = features.contains(Feature.STEERING) ? steering : SteeringPolicy.sequenceOnly();
            for (SteeringRule r : firstRules) {
                policy = policy.withFirst(r);
            }
            for (SteeringRule r : LedgerRules.steering(ledgerFixes).reversed()) {
                policy = policy.withFirst(r); // the ledger's rules before all others, in file order
            }
            Tokenizer t = tokenizer != null ? tokenizer : Tokenizers.forModel(model.name());
            TalkConfig config = TalkConfig.builder().model(model).fallback(fallback).handOver(Optional.ofNullable(handOver))
                    .firstTokenDeadline(firstTokenDeadline).replyTimeout(replyTimeout).contextBudget(contextBudget, replyReserve)
                    .tokenizer(t).journal(journal).embedder(Optional.ofNullable(embedder))
                    .monitors(judges == null ? monitors : judges.apply(monitors, events, clock)).steering(policy)
                    .features(features).clock(clock).events(events).openTelemetry(openTelemetry).compactAfter(compactAfter)
                    .compactor(Optional.ofNullable(compactor)).build();
            return new TalkHarness(config, stagingBudget, LedgerRules.stagedNotes(ledgerFixes));
        }
    }
}
