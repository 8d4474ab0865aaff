package dev.chassis.server.health;

import dev.chassis.core.model.Model;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.models.breaker.ModelHealth;
import dev.chassis.server.metrics.ServerMetrics;
import dev.chassis.store.JdbcJournal;
import dev.chassis.store.StoreHealth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Feeds {@link ServerHealth} from the parts that know how they are doing, and shapes it for {@code /health}. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * Keeps the store check as the journal's database reports it, the model check as the model's circuit breaker
     * does (a model without one is always up), starts the files check up, and puts every check in the metrics.
     */
    public static void watch(ServerHealth health, JdbcJournal store, Model model, ServerMetrics metrics) {
        store(health, store.health());
        store.onHealthChange(h -> store(health, h));
        health.up(ServerHealth.FILES);
        if (model instanceof CircuitBreakingModel breaker) {
            model(health, breaker.health());
            breaker.onHealthChange(h -> model(health, h));
            metrics.model(breaker);
        } else {
            health.up(ServerHealth.MODEL);
        }
        for (String check : new String[] {ServerHealth.STORE, ServerHealth.FILES, ServerHealth.MODEL}) {
            metrics.check(check, () -> health.check(check).map(c -> c.level().ordinal()).orElse(0));
        }
    }

    private static void store(ServerHealth health, StoreHealth h) {
        // the store's known faults are plain phrases; any other carries the database's words, kept for the detail
        Optional<String> problem = h.problem().map(p -> (p.startsWith("the database failed") ? "the database failed" : p)
                + "; answers are not saved until it recovers");
        health.set(ServerHealth.STORE, h.up() ? ServerHealth.Level.UP : ServerHealth.Level.DOWN, problem, h.problem());
    }

    private static void model(ServerHealth health, ModelHealth h) {
        Optional<String> problem = switch (h.condition()) {
            case HEALTHY -> Optional.empty();
            case FAILING -> Optional.of("the model's last call failed; interviews answer from the offline engine when it fails");
            case OPEN -> Optional.of("the model is not called for now after repeated failures; interviews answer from the offline engine");
            case PROBING -> Optional.of("the model is tried again after repeated failures");
        };
        health.set(ServerHealth.MODEL, h.healthy() ? ServerHealth.Level.UP : ServerHealth.Level.DEGRADED, problem,
                h.problem().map(p -> "model " + h.model() + ": " + p));
    }

    /**
     * {@code {"status": "down", "checks": {"store": {"status": "down", "problem": "...", "since": "..."}, ...}}}; with
     * {@code detail} each check's detail too (for researchers only: it may name paths, addresses and providers' words).
     */
    public static Map<String, Object> body(ServerHealth.Report report, boolean detail) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (ServerHealth.Check c : report.checks()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", name(c.level()));
            c.problem().ifPresent(p -> one.put("problem", p));
            if (detail) {
                c.detail().ifPresent(d -> one.put("detail", d));
            }
            one.put("since", c.since().toString());
            checks.put(c.name(), one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", name(report.status()));
        body.put("checks", checks);
        return body;
    }

    private static String name(ServerHealth.Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
