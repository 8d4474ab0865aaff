package dev.chassis.spring;

import dev.chassis.core.model.Model;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.models.breaker.ModelHealth;
import dev.chassis.store.JdbcJournal;
import dev.chassis.store.StoreHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Chassis's part of {@code /actuator/health}: DOWN while the journal cannot be written (the last write or probe
 * failed: appends are refused until it recovers) or while the model's breaker is open (too many calls failed:
 * turns are answered by the fallback); the details say why and since when. Reads state the journal and the
 * breaker keep; it writes and calls nothing itself.
 */
public final class ChassisHealthIndicator implements HealthIndicator {

    private final Model model;
    private final JdbcJournal journal;

    /** {@code journal} may be null: the harnesses then journal in memory, which the details say. */
    public ChassisHealthIndicator(Model model, JdbcJournal journal) {
        this.model = model;
        this.journal = journal;
    }

    @Override
    public Health health() {
        boolean up = true;
        Health.Builder b = new Health.Builder();
        if (journal == null) {
            b.withDetail("journal", "in memory: sessions and runs are lost when the application stops");
        } else {
            StoreHealth h = journal.health();
            up = h.up();
            b.withDetail("journal", h.up() ? "writable" : "cannot be written: " + h.problem().orElseThrow())
                    .withDetail("journalSince", h.since().toString());
        }
        b.withDetail("model", model.name());
        if (model instanceof CircuitBreakingModel breaker) {
            ModelHealth h = breaker.health();
            up &= h.condition() != ModelHealth.Condition.OPEN;
            b.withDetail("modelCondition", h.condition().name().toLowerCase(java.util.Locale.ROOT));
            h.problem().ifPresent(p -> b.withDetail("modelProblem", p));
        } else {
            b.withDetail("modelCondition", "in process: always reachable");
        }
        return (up ? b.up() : b.down()).build();
    }
}
