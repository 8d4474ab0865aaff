package dev.chassis.server.ledger;

import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.talk.TalkHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server's mistake ledger and the talk harness built with it. Every new interview opens on the
 * harness current at that moment; an incident added (only once its replay proves the fix) rebuilds the
 * harness, so the fix reaches new sessions while sessions already talking keep theirs. Thread-safe.
 */
public final class ServerLedger {

    private final Function<Ledger, TalkHarness> live;
    private final Supplier<TalkHarness.Builder> replays;
    private volatile Ledger ledger;
    private volatile TalkHarness harness;

    /**
     * @param folder  the ledger folder, made if missing (study runs read it too)
     * @param live    the server's talk harness with a ledger's fixes
     * @param replays a builder of the same harness for replays: same model, nothing journaled
     * @throws dev.chassis.core.input.InvalidInputException naming the file of an invalid incident
     */
    public ServerLedger(Path folder, Function<Ledger, TalkHarness> live, Supplier<TalkHarness.Builder> replays) {
        this.live = Objects.requireNonNull(live, "live");
        this.replays = Objects.requireNonNull(replays, "replays");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the ledger folder " + folder + ": " + e.getMessage(), e);
        }
        this.ledger = Ledger.load(folder);
        this.harness = live.apply(ledger);
    }

    /** The harness new sessions open on. */
    public TalkHarness harness() {
        return harness;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** A fresh builder of the harness for replaying a turn. */
    public TalkHarness.Builder replayHarness() {
        return replays.get();
    }

    /** Writes {@code incident} to the ledger folder and rebuilds the harness with it, for new sessions. */
    public synchronized Ledger add(Incident incident) {
        TalkHarness rebuilt = live.apply(ledger.including(incident)); // a fix the harness cannot follow fails here, before any write
        this.ledger = ledger.add(incident);
        this.harness = rebuilt;
        return ledger;
    }
}
