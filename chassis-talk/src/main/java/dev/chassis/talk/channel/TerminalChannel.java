package dev.chassis.talk.channel;

import java.io.PrintWriter;

/** Prints a reply to a terminal as it streams; an interruption ends the line with a mark. */
public final class TerminalChannel implements Channel {

    private final PrintWriter out;

    public TerminalChannel(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void send(Frame frame) {
        switch (frame) {
            case Frame.Typing t -> out.print("agent> ");
            case Frame.Token t -> out.print(t.text());
            case Frame.ReplyEnded e -> out.println(e.cutOff() ? " [cut off]" : "");
            case Frame.Interrupted i -> out.print(" —");
        }
        out.flush();
    }
}
