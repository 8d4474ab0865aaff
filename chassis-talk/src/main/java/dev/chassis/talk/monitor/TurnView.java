package dev.chassis.talk.monitor;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.voice.Prosody;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a monitor sees of one finished user turn.
 *
 * @param turn           the user turn number, from 1
 * @param text           what the person said
 * @param at             when they finished
 * @param replyDelay     how long they took to start answering, when the channel knows
 * @param prompt         the directive their answer responds to (what the agent had set out to ask), if any
 * @param prosody        how the answer was spoken, when it was spoken
 */
public record TurnView(int turn, String text, Instant at, Optional<Duration> replyDelay, Optional<Directive> prompt,
                       Optional<Prosody.Summary> prosody) {

    /** A typed turn (or one whose sound was not measured). */
    public TurnView(int turn, String text, Instant at, Optional<Duration> replyDelay, Optional<Directive> prompt) {
        this(turn, text, at, replyDelay, prompt, Optional.empty());
    }
}
