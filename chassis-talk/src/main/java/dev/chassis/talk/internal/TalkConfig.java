package dev.chassis.talk.internal;

import dev.chassis.core.embed.Embedder;
import dev.chassis.core.event.EventSink;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.model.Model;
import dev.chassis.core.token.Tokenizer;
import dev.chassis.talk.Feature;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.steer.SteeringPolicy;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a harness was built with, decided once at build time: the turn path reads these
 * fields and never reflects or branches on nulls or feature flags. Built with {@link #builder()}, so a new
 * field is added here alone.
 *
 * @param fallback         realises directives offline: deadline bridges, and replies when the model fails
 * @param handOver         a faster model that takes the turn when the first-token deadline passes
 * @param deadline         the first-token deadline step, armed only while {@link Feature#DEADLINE} is on
 * @param compactAfter     tokens of uncompacted transcript that trigger a background compaction
 * @param compactor        the model that writes summaries; the fallback's extractive summary when empty
 */
public record TalkConfig(Model model, Model fallback, Optional<Model> handOver, FirstTokenDeadline deadline, Duration replyTimeout,
                         int contextBudget, int replyReserve, Tokenizer tokenizer, Journal journal,
                         Optional<Embedder> embedder, List<Monitor> monitors, SteeringPolicy steering, Set<Feature> features,
                         Clock clock, EventSink events, OpenTelemetry openTelemetry, int compactAfter, Optional<Model> compactor) {

    public TalkConfig {
        monitors = List.copyOf(monitors);
        features = Set.copyOf(features);
    }

    public boolean has(Feature f) {
        return features.contains(f);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this configuration, for a copy that changes a few. */
    public Builder toBuilder() {
        return builder().model(model).fallback(fallback).handOver(handOver).firstTokenDeadline(deadline.limit()).replyTimeout(replyTimeout)
                .contextBudget(contextBudget, replyReserve).tokenizer(tokenizer).journal(journal).embedder(embedder).monitors(monitors)
                .steering(steering).features(features).clock(clock).events(events).openTelemetry(openTelemetry).compactAfter(compactAfter)
                .compactor(compactor);
    }

    /**
     * Names each field; the harness's builder validates the values before they get here. {@link #build()} turns the
     * features that are on into the turn's steps. Not thread-safe.
     */
    public static final class Builder {
        private Model model;
        private Model fallback;
        private Optional<Model> handOver = Optional.empty();
        private Duration firstTokenDeadline;
        private Duration replyTimeout;
        private int contextBudget;
        private int replyReserve;
        private Tokenizer tokenizer;
        private Journal journal;
        private Optional<Embedder> embedder = Optional.empty();
        private List<Monitor> monitors = List.of();
        private SteeringPolicy steering;
        private Set<Feature> features = Set.of();
        private Clock clock = Clock.systemUTC();
        private EventSink events = EventSink.NONE;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private int compactAfter;
        private Optional<Model> compactor = Optional.empty();

        private Builder() {
        }

        public Builder model(Model value) {
            this.model = value;
            return this;
        }

        public Builder fallback(Model value) {
            this.fallback = value;
            return this;
        }

        public Builder handOver(Optional<Model> value) {
            this.handOver = value;
            return this;
        }

        public Builder firstTokenDeadline(Duration value) {
            this.firstTokenDeadline = value;
            return this;
        }

        public Builder replyTimeout(Duration value) {
            this.replyTimeout = value;
            return this;
        }

        public Builder contextBudget(int tokens, int reserve) {
            this.contextBudget = tokens;
            this.replyReserve = reserve;
            return this;
        }

        public Builder tokenizer(Tokenizer value) {
            this.tokenizer = value;
            return this;
        }

        public Builder journal(Journal value) {
            this.journal = value;
            return this;
        }

        public Builder embedder(Optional<Embedder> value) {
            this.embedder = value;
            return this;
        }

        public Builder monitors(List<Monitor> value) {
            this.monitors = value;
            return this;
        }

        public Builder steering(SteeringPolicy value) {
            this.steering = value;
            return this;
        }

        public Builder features(Set<Feature> value) {
            this.features = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder events(EventSink value) {
            this.events = value;
            return this;
        }

        public Builder openTelemetry(OpenTelemetry value) {
            this.openTelemetry = value;
            return this;
        }

        public Builder compactAfter(int tokens) {
            this.compactAfter = tokens;
            return this;
        }

        public Builder compactor(Optional<Model> value) {
            this.compactor = value;
            return this;
        }

        /** @throws NullPointerException when a required field (model, fallback, deadline, timeout, tokenizer, journal, steering) is unset */
        public TalkConfig build() {
            FirstTokenDeadline deadline = FirstTokenDeadline.of(features.contains(Feature.DEADLINE),
                    Objects.requireNonNull(firstTokenDeadline, "firstTokenDeadline"));
            return new TalkConfig(Objects.requireNonNull(model, "model"), Objects.requireNonNull(fallback, "fallback"), handOver, deadline,
                    Objects.requireNonNull(replyTimeout, "replyTimeout"), contextBudget, replyReserve,
                    Objects.requireNonNull(tokenizer, "tokenizer"), Objects.requireNonNull(journal, "journal"), embedder, monitors,
                    Objects.requireNonNull(steering, "steering"), features, clock, events, openTelemetry, compactAfter, compactor);
        }
    }
}
