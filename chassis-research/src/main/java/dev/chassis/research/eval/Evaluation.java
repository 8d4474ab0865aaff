package dev.chassis.research.eval;

import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.model.Model;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.eval.score.Exchange;
import dev.chassis.research.eval.score.Scoring;
import dev.chassis.research.eval.score.SessionScore;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.interview.Interview;
import dev.chassis.research.interview.Interviewer;
import dev.chassis.research.interview.StudyLedger;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.Feature;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.testkit.model.LateModel;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Interviews every persona with every guide, at every seed, once with the whole harness and once
 * with each ablated feature switched off, on the same engine and the same latency, and scores each
 * session from outside the harness ({@link Scoring}: the interviewer's words, the participant's own
 * record of what it did, the guide). Sessions run concurrently on virtual threads; each has its own
 * harness, participant and late-turn schedule (seeded by guide, persona and seed), so scores do not
 * depend on scheduling.
 *
 * <pre>{@code
 * EvaluationReport report = Evaluation.builder().guides(List.of(guide)).personas(personas)
 *         .ablate(EnumSet.allOf(Feature.class)).seeds(List.of(1L, 2L, 3L)).build().run(score -> { });
 * }</pre>
 */
public final class Evaluation {

    private static final int PARALLEL = 16;

    private final List<Path> guides;
    private final List<Path> personas;
    private final java.util.Map<Path, List<Path>> paired;
    private final Model model;
    private final List<Feature> ablations;
    private final LatencyProfile latency;
    private final Duration deadline;
    private final List<Long> seeds;
    private final Optional<Path> transcripts;
    private final Optional<Path> ledger;
    private final Optional<dev.chassis.talk.judge.ModelJudges> judges;
    /** What the monitors' judges answered, by monitor and outcome, over every session run. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> judged = new java.util.concurrent.ConcurrentSkipListMap<>();

    private Evaluation(Builder b) {
        this.guides = List.copyOf(b.guides);
        this.personas = List.copyOf(b.personas);
        this.paired = b.paired;
        this.model = b.model;
        this.ablations = List.copyOf(b.ablations);
        this.latency = b.latency;
        this.deadline = b.deadline;
        this.seeds = List.copyOf(b.seeds);
        this.transcripts = b.transcripts;
        this.ledger = b.ledger;
        this.judges = b.judges;
        if (guides.isEmpty() || personas.isEmpty() && paired.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one guide and one persona");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one seed");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many sessions {@link #run} interviews. */
    public int sessions() {
        int pairs = paired.isEmpty() ? guides.size() * personas.size() : paired.values().stream().mapToInt(List::size).sum();
        return pairs * seeds.size() * (1 + ablations.size());
    }

    /**
     * Runs every session, reporting each to {@code progress} as it ends (from any thread), then scores
     * them all: scoring waits until the last session is done, so that it never competes with a live
     * turn for the processor.
     */
    public EvaluationReport run(Consumer<String> progress) {
        // Bad files fail here, before any work. Each guide with every persona, or with its own when paired.
        java.util.Map<Guide, List<Persona>> studies = new java.util.LinkedHashMap<>();
        List<Persona> everyone = paired.isEmpty() ? personas.stream().map(PersonaFile::load).toList() : List.of();
        for (Path g : guides) {
            studies.put(GuideFile.load(g), paired.isEmpty() ? everyone : paired.get(g).stream().map(PersonaFile::load).toList());
        }
        Map<Guide, Optional<Ledger>> ledgers = new java.util.IdentityHashMap<>();
        studies.keySet().forEach(g -> ledgers.put(g, StudyLedger.choose(ledger, g)));
        List<String> configurations = new ArrayList<>();
        configurations.add("full");
        ablations.forEach(f -> configurations.add(configurationName(f)));
        // Every configuration meets a warm process: otherwise the first sessions submitted (the full harness's) pay the JVM's
        // cold start in deadline bridges that the later ones do not.
        // One guide a language is enough: the code a guide runs depends on its language, not on its questions.
        java.util.Map<String, Guide> byLanguage = new java.util.LinkedHashMap<>();
        studies.keySet().forEach(g -> byLanguage.putIfAbsent(g.language(), g));
        byLanguage.values().forEach(g -> interviewer(g, ledgers.get(g), Optional.empty(), 0, new ArrayList<>()).warmUp());
        Semaphore slots = new Semaphore(PARALLEL);
        List<Future<Run>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long seed : seeds) {
                for (int c = 0; c < configurations.size(); c++) {
                    String configuration = configurations.get(c);
                    Optional<Feature> off = c == 0 ? Optional.empty() : Optional.of(ablations.get(c - 1));
                    for (Guide guide : studies.keySet()) {
                        for (Persona persona : studies.get(guide)) {
                            futures.add(pool.submit(() -> {
                                slots.acquire();
                                try {
                                    Run run = session(guide, ledgers.get(guide), persona, off, seed, configuration);
                                    progress.accept(configuration + " " + seed + " " + persona.id());
                                    return run;
                                } finally {
                                    slots.release();
                                }
                            }));
                        }
                    }
                }
            }
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) {
                runs.add(f.get());
            }
            List<SessionScore> scores = runs.stream().map(r -> Scoring.score(r.exchange(), r.configuration(), r.seed())).toList();
            List<ContradictionTrace> traces = new ArrayList<>();
            List<EmotionTrace> moments = new ArrayList<>();
            List<FactTrace> facts = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Run r = runs.get(i);
                traces.add(ContradictionTrace.of(r.exchange(), scores.get(i).contradiction(), r.signals(), r.turns(), r.contradictionFailed()));
                moments.add(EmotionTrace.of(r.exchange(), r.signals(), r.turns()));
                facts.add(FactTrace.of(r.exchange()));
            }
            transcripts.ifPresent(dir -> SessionDump.write(dir, runs.stream().map(Run::exchange).toList(), scores));
            return new EvaluationReport(model.name(), latency, deadline, configurations, seeds, scores, traces, moments, facts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /**
     * With model-backed monitors: how many questions each monitor put to its judge, by outcome ({@code emotion answered},
     * {@code coverage late}...), over the sessions run so far. Empty without them.
     */
    public Map<String, Integer> judgeOutcomes() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        judged.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    static String configurationName(Feature f) {
        return "no-" + f.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One interview done, not yet scored; the harness's signals and turns are kept only to trace contradictions. */
    private record Run(Exchange exchange, String configuration, long seed, List<dev.chassis.talk.signal.Signal> signals,
                       List<TurnRecord> turns, List<Integer> contradictionFailed) { }

    private Run session(Guide guide, Optional<Ledger> fixes, Persona persona, Optional<Feature> off, long seed, String configuration) {
        long sessionSeed = seed * 1_000_003L + (guide.study() + "/" + persona.id()).hashCode();
        List<Integer> contradictionFailed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Interviewer interviewer = interviewer(guide, fixes, off, sessionSeed, contradictionFailed);
        SyntheticParticipant participant = new SyntheticParticipant(persona, sessionSeed);
        Interview interview = interviewer.simulate(participant, "eval-" + guide.study() + "-" + persona.id(), SessionEvents.NONE);
        return new Run(exchange(guide, participant, interview), configuration, seed, interview.state().signals(), interview.turns(),
                List.copyOf(contradictionFailed));
    }

    /** {@code contradictionFailed} gathers the turns whose contradiction monitor ran out of time or failed (for the trace). */
    private Interviewer interviewer(Guide guide, Optional<Ledger> fixes, Optional<Feature> off, long sessionSeed, List<Integer> contradictionFailed) {
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        return new Interviewer(guide, clock -> {
            TalkHarness.Builder b = TalkHarness.builder().model(new LateModel(model, latency.lateShare(), latency.lateBy(), sessionSeed))
                    .fallback(fallback).clock(clock).firstTokenDeadline(deadline);
            off.ifPresent(b::without);
            fixes.ifPresent(b::ledger);
            judges.ifPresent(b::judgeWith);
            b.events(e -> {
                if (e instanceof dev.chassis.talk.observe.TalkEvent.JudgeAsked a) {
                    judged.computeIfAbsent(a.monitor() + " " + a.outcome(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                } else if (e instanceof dev.chassis.talk.observe.TalkEvent.MonitorFailed f && f.monitor().equals("contradiction")) {
                    contradictionFailed.add(f.turn());
                }
            });
            return b.build();
        }, !(model instanceof OfflineModel));
    }

    /** The interview as the scorers see it: words, times and the participant's record, nothing of the harness's judgment. */
    private Exchange exchange(Guide guide, SyntheticParticipant participant, Interview interview) {
        List<Turn> said = interview.transcript().turns().stream().filter(t -> t.speaker() == Speaker.INTERVIEWER).toList();
        List<TurnRecord> records = interview.turns();
        List<Exchange.Said> interviewer = new ArrayList<>();
        for (int k = 0; k < said.size(); k++) {
            TurnRecord r = k < records.size() ? records.get(k) : null;
            Duration first = r == null ? Duration.ZERO : r.timings().firstDelivered().orElse(r.timings().total());
            interviewer.add(new Exchange.Said(said.get(k).text(), said.get(k).at().orElse(Duration.ZERO), first, r != null && r.deadlineMissed()));
        }
        boolean closed = participant.notes().size() < Interviewer.MAX_ANSWERS;
        return new Exchange(guide, participant.persona(), interviewer, participant.notes(), closed, participant.engagementHistory(), deadline);
    }

    /** Builds an {@link Evaluation}; guides and personas are required, the rest has defaults. */
    public static final class Builder {
        private List<Path> guides = List.of();
        private List<Path> personas = List.of();
        private java.util.Map<Path, List<Path>> paired = java.util.Map.of();
        private Model model = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        private List<Feature> ablations = List.of();
        private LatencyProfile latency = LatencyProfile.DEFAULT;
        private Duration deadline = Duration.ofMillis(800);
        private List<Long> seeds = List.of(1L, 2L, 3L);
        private Optional<Path> transcripts = Optional.empty();
        private Optional<Path> ledger = Optional.empty();
        private Optional<dev.chassis.talk.judge.ModelJudges> judges = Optional.empty();

        public Builder guides(List<Path> g) {
            this.guides = List.copyOf(g);
            return this;
        }

        public Builder personas(List<Path> p) {
            this.personas = List.copyOf(p);
            return this;
        }

        /**
         * Each guide with its own personas instead of every persona: {@code guide file -> persona files}
         * (a study set with a persona folder per guide). Replaces {@link #personas}.
         */
        public Builder paired(java.util.Map<Path, List<Path>> byGuide) {
            this.paired = java.util.Map.copyOf(byGuide);
            this.guides = List.copyOf(byGuide.keySet().stream().sorted().toList());
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

        /** The seeds to run every session at (default 1, 2, 3): means and spread are over these. */
        public Builder seeds(List<Long> s) {
            this.seeds = List.copyOf(new java.util.LinkedHashSet<>(s));
            return this;
        }

        /** Also write every session's transcript, with what each answer did and how each turn was judged, into this folder. */
        public Builder transcripts(Path folder) {
            this.transcripts = Optional.of(folder);
            return this;
        }

        /** The mistake ledger every session keeps (default: each guide's {@code ledger:}, if it has one). */
        public Builder ledger(Path folder) {
            this.ledger = Optional.of(folder);
            return this;
        }

        /**
         * Lets coverage, emotion and contradiction also ask a model beside each turn (their verdicts as signals for the
         * next turn, the lexical tier standing in when a judge is late, fails or answers out of shape).
         */
        public Builder judges(dev.chassis.talk.judge.ModelJudges j) {
            this.judges = Optional.of(j);
            return this;
        }

        /** One seed only. */
        public Builder seed(long s) {
            return seeds(List.of(s));
        }

        public Evaluation build() {
            return new Evaluation(this);
        }
    }
}
