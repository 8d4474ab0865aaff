package dev.chassis.server;

import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.server.ledger.ServerLedger;
import dev.chassis.server.live.Interviews;
import dev.chassis.server.study.Studies;
import dev.chassis.talk.TalkHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's warm-ups: the interview path and the voice path each run once in the background, so that the first
 * participant of a fresh process does not wait for the JVM's cold start. They call no model and save nothing; a failure is
 * logged and the first interview simply starts cold. Thread-safe.
 */
final class WarmUps {

    private static final Logger LOG = LoggerFactory.getLogger(ChassisServer.class);

    private final Studies studies;
    private final Optional<Path> examples;
    private final ServerLedger ledger;
    private final Interviews interviews;
    private volatile CompletableFuture<List<String>> warming = CompletableFuture.completedFuture(List.of());

    WarmUps(Studies studies, Optional<Path> examples, ServerLedger ledger, Interviews interviews) {
        this.studies = studies;
        this.examples = examples;
        this.ledger = ledger;
        this.interviews = interviews;
    }

    /** {@link ChassisServer#warmUpInBackground}. */
    CompletableFuture<List<String>> interviewPath() {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        warming = done;
        Thread.ofVirtual().name("warm-up").start(() -> {
            long start = System.nanoTime();
            try {
                Map<String, Guide> byLanguage = new LinkedHashMap<>();
                studies.list().forEach(s -> {
                    Guide g = studies.guide(s.id());
                    byLanguage.putIfAbsent(g.language(), g);
                });
                if (byLanguage.isEmpty()) {
                    examples.map(e -> e.resolve("guides/onboarding-en.yaml")).filter(Files::isRegularFile)
                            .map(GuideFile::load).ifPresent(g -> byLanguage.put(g.language(), g));
                }
                TalkHarness h = ledger.harness();
                byLanguage.values().forEach(g -> h.warmUp(h.stage(g.briefing(g.language(), Map.of()))));
                LOG.info("interview path warmed up in {} in {} ms", byLanguage.keySet(), (System.nanoTime() - start) / 1_000_000);
                done.complete(List.copyOf(byLanguage.keySet()));
            } catch (RuntimeException e) {
                LOG.warn("warming up the interview path failed ({}); the first interview starts cold", e.getMessage());
                done.complete(List.of());
            }
        });
        return done;
    }

    /** {@link ChassisServer#warmUpVoiceInBackground}. */
    CompletableFuture<Boolean> voicePath() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Thread.ofVirtual().name("voice-warm-up").start(() -> {
            long start = System.nanoTime();
            try {
                boolean warmed = interviews.warmUpVoice();
                if (warmed) {
                    LOG.info("voice path warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
                }
                done.complete(warmed);
            } catch (InterruptedException e) {
                done.complete(false);
            } catch (RuntimeException e) {
                LOG.warn("warming up the voice path failed ({}); the first voice interview starts cold", e.getMessage());
                done.complete(false);
            }
        });
        return done;
    }

    /** Waits for the interview path's warm-up: it calls no model; it only must not outlive the database it was given. */
    void awaitInterviewPath() {
        try {
            warming.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the warm-up did not end within 30 s; closing anyway");
        }
    }
}
