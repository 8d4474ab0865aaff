package dev.chassis.server.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server's health is made of: named checks ({@link #STORE}, {@link #FILES}, {@link #MODEL}), each
 * {@link Level#UP}, {@link Level#DEGRADED} (it works, worse: a model failing, the offline engine answering)
 * or {@link Level#DOWN} (something a participant relies on does not work: answers cannot be saved), with the
 * problem in plain words and since when. The whole is as bad as its worst check. Thread-safe.
 */
public final class ServerHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ServerHealth.class);

    /** The journal database: sessions, studies, session records. */
    public static final String STORE = "store";
    /** The files the server writes in its data folder: turn timings, transcripts, reports. */
    public static final String FILES = "files";
    /**
     * Voice sessions' kept audio: degraded while the last write of it failed (the interviews go on, that audio is not
     * kept), up again once a write succeeds.
     */
    public static final String AUDIO = "audio";
    /** The configured model. */
    public static final String MODEL = "model";

    /** How a check (or the whole) stands; worse levels come later. */
    public enum Level { UP, DEGRADED, DOWN }

    /**
     * One check: its level, the problem when not up, and when it came to this level. {@code problem} is plain words
     * fit for anyone ({@code /health} needs no token: no paths, addresses or provider messages); {@code detail} adds
     * what a researcher or operator needs (the database's or the provider's own words).
     */
    public record Check(String name, Level level, Optional<String> problem, Optional<String> detail, Instant since) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(since, "since");
        }

        public boolean up() {
            return level == Level.UP;
        }
    }

    /** The whole: the worst level of the checks, and every check in the order they were first set. */
    public record Report(Level status, List<Check> checks) {
        /** 503 while down (a load balancer or a monitor should notice), else 200. */
        public int httpStatus() {
            return status == Level.DOWN ? 503 : 200;
        }
    }

    private final Clock clock;
    private final Map<String, Check> checks = new LinkedHashMap<>();   // guarded by this
    private final List<Consumer<Check>> listeners = new CopyOnWriteArrayList<>();

    public ServerHealth(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Marks a check up. */
    public void up(String name) {
        set(name, Level.UP, Optional.empty(), Optional.empty());
    }

    /**
     * Sets a check; listeners hear of a change of its level or problem. {@code problem} (plain words for anyone) must be
     * present unless {@code level} is up; {@code detail} is for researchers (see {@link Check}).
     */
    public void set(String name, Level level, Optional<String> problem, Optional<String> detail) {
        if ((level == Level.UP) == problem.isPresent()) {
            throw new IllegalArgumentException(level == Level.UP ? "an up check has no problem" : "a check that is not up needs a problem");
        }
        Check now;
        synchronized (this) {
            Check was = checks.get(name);
            if (was != null && was.level() == level && was.problem().equals(problem) && was.detail().equals(detail)) {
                return;
            }
            now = new Check(name, level, problem, detail, was != null && was.level() == level ? was.since() : clock.instant());
            checks.put(name, now);
            if (was == null && level == Level.UP) {
                return;   // a check starting up is no news
            }
        }
        if (name.equals(FILES)) {   // the store and the model log their own changes
            if (now.up()) {
                LOG.warn("the data folder takes writes again");
            } else {
                LOG.error("the data folder cannot be written: {}", now.detail().or(now::problem).orElseThrow());
            }
        }
        for (Consumer<Check> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("a listener of the server's health failed: {}", e.toString());
            }
        }
    }

    /** One check, if it was ever set. */
    public synchronized Optional<Check> check(String name) {
        return Optional.ofNullable(checks.get(name));
    }

    /** Every check and the worst level among them (up when there are none). */
    public synchronized Report report() {
        List<Check> all = new ArrayList<>(checks.values());
        Level worst = all.stream().map(Check::level).max(Enum::compareTo).orElse(Level.UP);
        return new Report(worst, List.copyOf(all));
    }

    /** Tells {@code listener} of every change of a check, on the thread that made it; it must be quick. */
    public void onChange(Consumer<Check> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
