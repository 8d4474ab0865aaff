package dev.chassis.server.live;

import dev.chassis.talk.TurnRecord;
import java.time.Duration;

/**
 * Timings of one turn as the server saw them, for the console and the metrics.
 *
 * @param firstWordsMs      end of the participant's turn → first words delivered (bridge or reply); -1 when none
 * @param modelFirstTokenMs end of turn → the model's own first token; -1 when it had none
 * @param overheadMs        end of turn → model request sent: the harness's own cost
 * @param totalMs           end of turn → reply complete
 */
public record TurnStat(int turn, String directive, double firstWordsMs, double modelFirstTokenMs, double overheadMs, double totalMs,
                       boolean deadlineMissed, boolean cutOff, String model) {

    /** The timings of turn {@code turn} from its record. */
    static TurnStat of(int turn, TurnRecord r) {
        return new TurnStat(turn, r.directive().kind(), WireFrames.ms(r.timings().firstDelivered()), WireFrames.ms(r.timings().modelFirstToken()),
                millis(r.timings().overhead()), millis(r.timings().total()), r.deadlineMissed(), r.cutOff(), r.model());
    }

    /** Milliseconds to two decimals. */
    private static double millis(Duration d) {
        return Math.round(d.toNanos() / 10_000.0) / 100.0;
    }
}
