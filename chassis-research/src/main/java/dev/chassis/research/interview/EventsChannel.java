package dev.chassis.research.interview;

import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.talk.channel.Channel;
import dev.chassis.talk.channel.Frame;

/**
 * The interviewer's side of a conversation, as frames, told to {@link SessionEvents}: lines are numbered through the
 * whole transcript, so the reply to answer {@code k} is line {@code 2k + 1} (the opening is line 1).
 */
record EventsChannel(String session, SessionEvents events) implements Channel {

    @Override
    public void send(Frame.Out frame) {
        switch (frame) {
            case Frame.ReplyStarted s -> events.turnStarted(session, line(s.turn()), "interviewer");
            case Frame.Token t -> events.text(session, t.text());
            case Frame.ReplyEnded e -> events.turnEnded(session, line(e.turn()));
            case Frame.Failed f -> events.signal(session, f.message());
            case Frame.Hello h -> { }
            case Frame.Thinking t -> { }
            case Frame.Interrupted i -> { }
            case Frame.Done d -> { }
            case Frame.Storage s -> { }
            case Frame.Idle i -> { }
            case Frame.Pong p -> { }
            case Frame.AudioOut a -> { }
            case Frame.Heard h -> { }
        }
    }

    private static int line(int turn) {
        return 2 * turn + 1;
    }
}
