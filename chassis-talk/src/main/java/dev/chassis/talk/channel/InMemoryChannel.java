package dev.chassis.talk.channel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that keeps every frame, for tests and simulations. Thread-safe. */
public final class InMemoryChannel implements Channel {

    private final List<Frame.Out> frames = new CopyOnWriteArrayList<>();

    @Override
    public void send(Frame.Out frame) {
        frames.add(frame);
    }

    public List<Frame.Out> frames() {
        return List.copyOf(frames);
    }

    /** The text of every token frame of {@code turn}, joined. */
    public String text(int turn) {
        StringBuilder sb = new StringBuilder();
        for (Frame f : frames) {
            if (f instanceof Frame.Token t && t.turn() == turn) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
