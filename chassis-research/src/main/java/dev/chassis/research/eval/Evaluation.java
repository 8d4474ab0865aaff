package dev.chassis.research.eval;

import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.interview.Interview;
import dev.chassis.research.interview.Interviewer;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.research.synthesis.SynthesisObjective;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.talk.Feature;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.steer.Directive;
import dev.chassis.talk.steer.QuestionCheck;
import dev.chassis.testkit.model.LateModel;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Interviews every persona with every guide, once with the whole harness and once with each
 * ablated feature switched off, on the same engine and the same latency, and scores each session
 * from what the participant experienced. Sessions run concurrently on virtual threads; each has its
 * own harness, participant and late-turn schedule (seeded by guide, persona and seed), so a run's
 * scores do not depend on scheduling.
 *
 * <pre>{@code
 * EvaluationReport report = Evaluation.builder().guides(List.of(guide)).personas(personas)
 *         .ablate(EnumSet.allOf(Feature.class)).build().run(score -> { });
 * }</pre>
 */
public final class Evaluation {

    /** Below this engagement a participant has disengaged (they answer in one sentence). */
    static final double DISENGAGED = 0.55;
    /** At or above this, after disengaging, they have come back. */
    static final double RECOVERED = 0.6;
    private static final int PARALLEL = 16;

    private final List<Path> guides;
    private final List<Path> personas;
    private final Model model;
    private final List<Feature> ablations;
    private final LatencyProfile latency;
    private final Duration deadline;
    private final long seed;

    private Evaluation(Builder b) {
        this.guides = List.copyOf(b.guides);
        this.personas = List.copyOf(b.personas);
        this.model = b.model;
        this.ablations = List.copyOf(b.ablations);
        this.latency = b.latency;
        this.deadline = b.deadline;
        this.seed = b.seed;
        if (guides.isEmpty() || personas.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one guide and one persona");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs every session and reports each score to {@code progress} as it is done (from any thread). */
    public EvaluationReport run(Consumer<SessionScore> progress) {
        List<Guide> loadedGuides = guides.stream().map(GuideFile::load).toList(); // bad files fail here, before any work
        List<Persona> loadedPersonas = personas.stream().map(PersonaFile::load).toList();
        List<String> configurations = new ArrayList<>();
        configurations.add("full");
        ablations.forEach(f -> configurations.add(configurationName(f)));
        Semaphore slots = new Semaphore(PARALLEL);
        List<Future<SessionScore>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String configuration : configurations) {
                Optional<Feature> off = configuration.equals("full") ? Optional.empty()
                        : Optional.of(ablations.get(configurations.indexOf(configuration) - 1));
                for (Guide guide : loadedGuides) {
                    for (Persona persona : loadedPersonas) {
                        futures.add(pool.submit(() -> {
                            slots.acquire();
                            try {
                                SessionScore score = session(guide, persona, configuration, off);
                                progress.accept(score);
                                return score;
                            } finally {
                                slots.release();
                            }
                        }));
                    }
                }
            }
            List<SessionScore> scores = new ArrayList<>();
            for (Future<SessionScore> f : futures) {
                scores.add(f.get());
            }
            return new EvaluationReport(model.name(), latency, deadline, configurations, scores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    static String configurationName(Feature f) {
        return "no-" + f.name().toLowerCase(java.util.Locale.ROOT);
    }

    private SessionScore session(Guide guide, Persona persona, String configuration, Optional<Feature> off) {
        long sessionSeed = seed * 1_000_003L + (guide.study() + "/" + persona.id()).hashCode();
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        Interviewer interviewer = new Interviewer(guide, clock -> {
            TalkHarness.Builder b = TalkHarness.builder().model(new LateModel(model, latency.lateShare(), latency.lateBy(), sessionSeed))
                    .fallback(fallback).clock(clock).firstTokenDeadline(deadline);
            off.ifPresent(b::without);
            return b.build();
        });
        SyntheticParticipant participant = new SyntheticParticipant(persona, sessionSeed);
        Interview interview = interviewer.simulate(participant, configuration + "-" + guide.study() + "-" + persona.id(), SessionEvents.NONE);
        return score(guide, persona.id(), configuration, interview, participant);
    }

    private SessionScore score(Guide guide, String persona, String configuration, Interview interview, SyntheticParticipant participant) {
        List<TurnRecord> turns = interview.turns();
        Optional<Boolean> followedUp = Optional.empty();
        if (participant.contradictionStated()) {
            int at = participant.contradictionAt();
            followedUp = Optional.of(turns.stream().anyMatch(r -> r.turn() >= at && r.directive() instanceof Directive.Clarify));
        }
        Optional<Boolean> recovered = Optional.empty();
        List<Double> engagement = participant.engagementHistory();
        for (int i = 0; i < engagement.size(); i++) {
            if (engagement.get(i) < DISENGAGED) {
                recovered = Optional.of(engagement.subList(i + 1, engagement.size()).stream().anyMatch(e -> e >= RECOVERED));
                break;
            }
        }
        int questions = 0;
        int bad = 0;
        List<Duration> firstWords = new ArrayList<>();
        int late = 0;
        int bridged = 0;
        for (TurnRecord r : turns) {
            Optional<String> question = QuestionCheck.lastQuestion(r.reply());
            if (question.isPresent()) {
                questions++;
                if (QuestionCheck.leading(question.get()) || QuestionCheck.doubleBarrelled(question.get())) {
                    bad++;
                }
            }
            Duration first = r.timings().firstDelivered().orElse(r.timings().total());
            firstWords.add(first);
            late += first.compareTo(deadline) > 0 ? 1 : 0;
            bridged += r.deadlineMissed() ? 1 : 0;
        }
        return new SessionScore(guide.study(), persona, configuration, turns.size(), coverage(guide, interview), followedUp, recovered,
                questions, bad, firstWords, late, bridged);
    }

    /**
     * Share of the guide's objectives covered, judged from the transcript's words rather than the
     * harness's own coverage monitor, so that an ablation cannot fail just by not measuring.
     */
    private static double coverage(Guide guide, Interview interview) {
        List<SynthesisObjective> objectives = guide.objectives().stream().map(o -> {
            List<String> cues = new ArrayList<>(o.questions());
            cues.addAll(o.probes());
            cues.addAll(o.keywords());
            return new SynthesisObjective(o.id(), o.title(), cues);
        }).toList();
        List<ObjectiveCoverage> coverage = Synthesizer.coverageFromWords(List.of(interview.transcript()), objectives);
        long covered = coverage.stream().filter(c -> c.bySession().values().stream().anyMatch(v -> v >= ObjectiveCoverage.COVERED)).count();
        return covered / (double) objectives.size();
    }

    /** Builds an {@link Evaluation}; guides and personas are required, the rest has defaults. */
    public static final class Builder {
        private List<Path> guides = List.of();
        private List<Path> personas = List.of();
        private Model model = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        private List<Feature> ablations = List.of();
        private LatencyProfile latency = LatencyProfile.DEFAULT;
        private Duration deadline = Duration.ofMillis(800);
        private long seed = 1;

        public Builder guides(List<Path> g) {
            this.guides = List.copyOf(g);
            return this;
        }

        public Builder personas(List<Path> p) {
            this.personas = List.copyOf(p);
            return this;
        }

        /** The engine under evaluation; the offline engine by default. */
        public Builder model(Model m) {
            this.model = Objects.requireNonNull(m, "model");
            return this;
        }

        /** Features to switch off, one configuration each, besides the full harness. */
        public Builder ablate(java.util.Collection<Feature> features) {
            this.ablations = List.copyOf(new java.util.TreeSet<>(features));
            return this;
        }

        public Builder latency(LatencyProfile l) {
            this.latency = Objects.requireNonNull(l, "latency");
            return this;
        }

        public Builder deadline(Duration d) {
            this.deadline = Objects.requireNonNull(d, "deadline");
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Evaluation build() {
            return new Evaluation(this);
        }
    }
}
