package dev.chassis.talk.channel;

import dev.chassis.talk.state.Line;
import java.io.PrintWriter;

/**
 * Prints a conversation to a terminal as it streams: each reply after {@code replyPrefix}, an interruption as a dash
 * where the reply was cut, notices on lines of their own. Thread-safe (sends lock the writer, as other printers of the
 * same terminal should).
 */
public final class TerminalChannel implements Channel {

    private final PrintWriter out;
    private final String replyPrefix;

    public TerminalChannel(PrintWriter out) {
        this(out, "agent> ");
    }

    public TerminalChannel(PrintWriter out, String replyPrefix) {
        this.out = out;
        this.replyPrefix = replyPrefix;
    }

    @Override
    public void send(Frame.Out frame) {
        synchronized (out) {
            switch (frame) {
                case Frame.Hello h -> {
                    if (h.started() && !h.transcript().isEmpty()) {
                        Line last = h.transcript().getLast();
                        out.println("(resumed at turn " + last.turn() + "; last words: " + last.text() + ")");
                    }
                }
                case Frame.Thinking t -> { }
                case Frame.ReplyStarted s -> out.print(replyPrefix);
                case Frame.Token t -> out.print(t.text());
                case Frame.AudioOut a -> { }   // a terminal shows the words
                case Frame.Heard h -> out.println("(heard: " + h.text() + ")");
                case Frame.Interrupted i -> out.print(" —");
                case Frame.ReplyEnded e -> out.println();
                case Frame.Failed f -> out.println("! " + f.message());
                case Frame.Storage s -> out.println(s.ok() ? "(saving works again)" : "! answers cannot be saved right now");
                case Frame.Idle i -> out.println("(closed after a while without activity)");
                case Frame.Done d -> { }
                case Frame.Pong p -> { }
            }
            out.flush();
        }
    }
}
