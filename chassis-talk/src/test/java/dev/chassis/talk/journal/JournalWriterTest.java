package dev.chassis.talk.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.talk.state.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** The journal writer confirms what it wrote and never sleeps on queued work. */
class JournalWriterTest {

    private static SessionEvent said(int i) {
        return new SessionEvent.UserSaid(Instant.EPOCH, i, "answer " + i, Optional.empty());
    }

    @Test
    void a_confirmation_wakes_the_writer_even_while_a_hold_was_never_released() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        try (JournalWriter w = new JournalWriter("s", journal, 0)) {
            w.hold();
            w.accept(said(1));
            w.accept(said(2));
            w.durable().get(5, TimeUnit.SECONDS);
            assertThat(journal.read("s")).hasSize(2);
        }
    }

    @Test
    void every_confirmation_completes_under_concurrent_appends_holds_and_releases() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        ReentrantLock logLock = new ReentrantLock(); // the session log calls accept under its lock, in sequence order
        int threads = 6;
        int perThread = 1_500;
        try (JournalWriter w = new JournalWriter("s", journal, 0)) {
            List<Thread> all = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 17L * t;
                all.add(Thread.ofVirtual().start(() -> {
                    Random r = new Random(seed);
                    try {
                        for (int i = 0; i < perThread; i++) {
                            boolean holding = r.nextInt(3) == 0;
                            if (holding) {
                                w.hold();
                            }
                            logLock.lock();
                            try {
                                w.accept(said(i));
                            } finally {
                                logLock.unlock();
                            }
                            if (holding) {
                                w.release();
                            }
                            if (r.nextInt(10) == 0) {
                                w.durable().get(5, TimeUnit.SECONDS);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread t : all) {
                t.join();
            }
            assertThat(failures).isEmpty();
            w.durable().get(5, TimeUnit.SECONDS);
            List<JournalEntry> entries = journal.read("s");
            assertThat(entries).hasSize(threads * perThread);
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).sequence()).isEqualTo(i);
            }
        }
    }

    @Test
    void a_write_that_reached_the_journal_but_was_reported_failed_is_not_written_twice() throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        HookedJournal lostAnswer = new HookedJournal((id, entries, append) -> {
            append.run();
            if (failOnce.getAndSet(false)) {
                throw new JournalException("connection reset after commit");
            }
        });
        try (JournalWriter w = new JournalWriter("s", lostAnswer, 0)) {
            w.accept(said(1));
            w.accept(said(2));
            w.durable().get(5, TimeUnit.SECONDS);
            w.accept(said(3));
            w.durable().get(5, TimeUnit.SECONDS);
        }
        assertThat(lostAnswer.read("s")).extracting(JournalEntry::sequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void a_confirmation_waits_while_the_store_is_slow_and_flush_says_when_it_timed_out() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        HookedJournal slow = new HookedJournal((id, entries, append) -> {
            gate.join();
            append.run();
        });
        try (JournalWriter w = new JournalWriter("s", slow, 0)) {
            w.accept(said(1));
            CompletableFuture<Void> confirmed = w.durable();
            assertThat(w.flush(Duration.ofMillis(100))).isFalse();
            assertThat(confirmed).isNotDone();
            gate.complete(null);
            confirmed.get(5, TimeUnit.SECONDS);
            assertThat(w.written()).isEqualTo(1);
        }
    }
}
