package dev.chassis.talk;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.directive.Directive;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What happened in one turn.
 *
 * @param turn           the user turn (0 for the opening)
 * @param utterance      what the person said (empty for the opening)
 * @param directive      what steering decided
 * @param signalsUsed    the signals behind the directive
 * @param reply          what reached the person (the bridge included)
 * @param cutOff         interrupted, or stopped by a guard, before the end
 * @param deadlineMissed the model produced nothing by the first-token deadline
 * @param bridge         what filled the silence when it did
 * @param model          the engine that produced the reply
 * @param failure        a model failure the turn survived, if any
 */
public record TurnRecord(String sessionId, int turn, String utterance, Directive directive, List<Signal> signalsUsed, String reply,
                         boolean cutOff, boolean deadlineMissed, Optional<String> bridge, Timings timings, String model,
                         Optional<String> failure) {

    /**
     * Timings of the turn, from the end of the person's turn.
     *
     * @param overhead       until the model request was handed to the engine: the harness's own cost
     * @param firstDelivered until the first words reached the person (bridge or reply)
     * @param modelFirstToken until the model's own first token
     * @param total          until the reply was complete
     */
    public record Timings(Duration overhead, Optional<Duration> firstDelivered, Optional<Duration> modelFirstToken, Duration total) { }
}
