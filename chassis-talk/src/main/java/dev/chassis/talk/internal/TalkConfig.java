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
import java.util.Optional;
import java.util.Set;

/**
 * Everything a harness was built with, decided once at build time: the turn path reads these
 * fields and never reflects or branches on nulls.
 *
 * @param fallback         realises directives offline: deadline bridges, and replies when the model fails
 * @param handOver         a faster model that takes the turn when the first-token deadline passes
 * @param compactAfter     tokens of uncompacted transcript that trigger a background compaction
 * @param compactor        the model that writes summaries; the fallback's extractive summary when empty
 */
public record TalkConfig(Model model, Model fallback, Optional<Model> handOver, Duration firstTokenDeadline, Duration replyTimeout,
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
}
