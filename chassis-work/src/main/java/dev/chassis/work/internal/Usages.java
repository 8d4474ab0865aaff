package dev.chassis.work.internal;

import dev.chassis.work.RunOutcome;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.time.Duration;

/** A run's use of models and tools, summed from its record. */
final class Usages {

    private Usages() {
    }

    static RunOutcome.Usage of(RunRecord record) {
        int models = 0;
        int tools = 0;
        int tokens = 0;
        double cost = 0;
        long millis = 0;
        for (RunEvent e : record.events()) {
            if (e instanceof RunEvent.ModelCalled m) {
                models++;
                tokens += m.inputTokens() + m.outputTokens();
                cost += m.cost();
                millis += m.millis();
            } else if (e instanceof RunEvent.ToolFinished t) {
                tools++;
                millis += t.millis();
            }
        }
        return new RunOutcome.Usage(models, tools, tokens, cost, Duration.ofMillis(millis));
    }
}
