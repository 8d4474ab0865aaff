package dev.chassis.server.live;

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
}
