package dev.chassis.research.synthesis;

import dev.chassis.core.embed.Embedder;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Synthesis across sessions: statements grouped into clusters, themes written by a {@link ThemeWriter}
 * behind the quote gate, coverage per objective, contradictions and engagement. Every quote of the
 * result is verified once more at the end, so a quote that is not in its cited turn cannot come out.
 * Immutable and thread-safe once built.
 *
 * <pre>{@code
 * Synthesis s = Synthesizer.builder().maxThemes(6).build().synthesize(transcripts);
 * Synthesis withModel = Synthesizer.builder().writer(ModelThemeWriter.of(model, 3)).build().synthesize(transcripts);
 * }</pre>
 */
public final class Synthesizer {

    private final ThemeWriter writer;
    private final String writerName;
    private final Optional<Embedder> embedder;
    private final int maxThemes;
    private final List<SynthesisObjective> objectives;
    private final String guideName;

    private Synthesizer(Builder b) {
        this.writer = b.writer;
        this.writerName = b.writerName;
        this.embedder = b.embedder;
        this.maxThemes = b.maxThemes;
        this.objectives = List.copyOf(b.objectives);
        this.guideName = b.guideName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Groups the statements of these sessions; the first half of synthesis, for callers that run steps. */
    public ThemeWritingIntent intent(List<Transcript> transcripts) {
        CoverageScorer answers = CoverageScorer.of(transcripts, objectives(transcripts));
        List<Cluster> clusters = Clustering.of(Statements.read(transcripts), maxThemes, usable(transcripts),
                s -> answers.objectiveOf(s.session(), s.turn()));
        Map<String, String> languages = new HashMap<>();
        transcripts.forEach(t -> languages.put(t.id(), SessionLanguage.of(t)));
        return new ThemeWritingIntent(clusters, transcripts.size(), languages);
    }

    private List<SynthesisObjective> objectives(List<Transcript> transcripts) {
        return objectives.isEmpty() ? ObjectiveInference.infer(transcripts) : objectives;
    }

    /** The embedder, when it supports the language of every session (keywords otherwise). */
    private Optional<Embedder> usable(List<Transcript> transcripts) {
        return embedder.filter(e -> transcripts.stream().allMatch(t -> e.supports(SessionLanguage.of(t))));
    }

    /**
     * Coverage per objective read from the transcripts' words alone, ignoring any coverage the live
     * session marked: which objectives' questions were asked and how substantively they were answered.
     * An outside view of an interview, for comparing interviewers fairly.
     */
    public static List<ObjectiveCoverage> coverageFromWords(List<Transcript> transcripts, List<SynthesisObjective> objectives) {
        List<Transcript> unmarked = transcripts.stream()
                .map(t -> t.withMarks(t.marks().stream().filter(m -> !m.kind().equals(Mark.COVERAGE)).toList())).toList();
        return CoverageScorer.score(unmarked, objectives);
    }

    /** Engagement per session, from live marks or answer lengths; quality checks read it before synthesis. */
    public static List<EngagementSeries> engagement(List<Transcript> transcripts) {
        return EngagementScorer.score(transcripts);
    }

    /** Runs the whole synthesis over every session. */
    public Synthesis synthesize(List<Transcript> transcripts) {
        return synthesize(transcripts, Map.of());
    }

    /**
     * Runs the whole synthesis over the sessions not excluded.
     *
     * @param excluded sessions to leave out (session id to why, for example a quality flag); they are listed, not analysed
     */
    public Synthesis synthesize(List<Transcript> transcripts, Map<String, String> excluded) {
        List<Transcript> kept = transcripts.stream().filter(t -> !excluded.containsKey(t.id())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(transcripts.isEmpty() ? "synthesis needs at least one transcript"
                    : "every session was excluded (" + String.join(", ", excluded.keySet()) + "); synthesis needs at least one");
        }
        ThemeWritingIntent intent = intent(kept);
        QuoteVerifier verifier = QuoteVerifier.of(kept);
        ThemeWriter.Result written = intent.clusters().isEmpty() ? new ThemeWriter.Result(List.of(), List.of())
                : writer.write(intent, new ThemeGate(verifier, intent.clusters()));
        Map<String, String> listed = new LinkedHashMap<>();
        transcripts.stream().filter(t -> excluded.containsKey(t.id())).forEach(t -> listed.put(t.id(), excluded.get(t.id())));
        return assemble(kept, written, verifier, listed);
    }

    /** The second half: themes already written (and gated) plus coverage, contradictions, engagement. */
    public Synthesis assemble(List<Transcript> transcripts, ThemeWriter.Result written, QuoteVerifier verifier) {
        return assemble(transcripts, written, verifier, Map.of());
    }

    private Synthesis assemble(List<Transcript> transcripts, ThemeWriter.Result written, QuoteVerifier verifier,
                               Map<String, String> excluded) {
        List<SynthesisObjective> objs = objectives(transcripts);
        List<String> notes = new ArrayList<>(written.notes());
        if (objectives.isEmpty() && !objs.isEmpty()) {
            notes.add("No guide was given: " + (objs.size() == 1 ? "the objective is the question" : "the " + objs.size() + " objectives are the questions") + " asked in most sessions.");
        } else if (!objectives.isEmpty()) {
            notes.add("Coverage is measured against the " + objectives.size() + " objectives of " + guideName
                    + ": from the live interviewer's coverage marks where a session has them, otherwise from which objective's "
                    + "questions were asked and how fully they were answered.");
        }
        notes.add("Themes come from the participants' statements only (never the interviewer's), without greetings, filler "
                + "and the words of the question being answered; each theme was raised in at least "
                + Clustering.minSessions(transcripts.size()) + " of the " + transcripts.size() + " sessions.");
        Map<String, List<Contradiction>> contradictions = new LinkedHashMap<>();
        ContradictionFinder.find(transcripts).forEach((session, list) -> {
            List<Contradiction> kept = list.stream().filter(c -> verified(verifier, c.earlier()) && verified(verifier, c.later())).toList();
            if (!kept.isEmpty()) {
                contradictions.put(session, kept);
            }
        });
        List<Theme> themes = written.themes();
        for (Theme t : themes) {
            for (Quote q : t.quotes()) {
                if (!verifier.isExact(q)) {
                    throw new IllegalStateException("theme writer " + writerName + " returned a quote that is not verbatim in "
                            + q.citation() + ": \"" + q.text() + "\"; a ThemeWriter must return only gated themes");
                }
            }
        }
        String method = usable(transcripts).map(e -> "embeddings (" + e.name() + ")").orElse("key phrases (TF-IDF)") + " + " + writerName;
        return new Synthesis(transcripts.stream().map(Transcript::id).toList(), themes, CoverageScorer.score(transcripts, objs),
                contradictions, EngagementScorer.score(transcripts), method, notes, Backgrounds.of(transcripts), excluded);
    }

    private static boolean verified(QuoteVerifier verifier, Quote q) {
        return verifier.check(q) instanceof QuoteCheck.Verified && verifier.isExact(q);
    }

    /** Builds a {@link Synthesizer}; not thread-safe. */
    public static final class Builder {
        private ThemeWriter writer;
        private String writerName;
        private Optional<Embedder> embedder = Optional.empty();
        private int maxThemes = 8;
        private List<SynthesisObjective> objectives = List.of();
        private String guideName = "the study's guide";

        private Builder() {
            OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
            this.writer = ModelThemeWriter.of(offline, 1);
            this.writerName = "extractive themes (offline)";
        }

        /** Who writes the themes; the offline engine's extractive themes unless set. */
        public Builder writer(ThemeWriter writer, String name) {
            this.writer = Objects.requireNonNull(writer, "writer");
            this.writerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Groups statements by embeddings instead of terms (for the languages the embedder supports). */
        public Builder embedder(Embedder embedder) {
            this.embedder = Optional.of(embedder);
            return this;
        }

        public Builder maxThemes(int max) {
            if (max < 1 || max > 30) {
                throw new IllegalArgumentException("maxThemes must be between 1 and 30, was " + max);
            }
            this.maxThemes = max;
            return this;
        }

        /** The study's objectives; inferred from the interviewer's questions when none are given. */
        public Builder objectives(List<SynthesisObjective> objectives) {
            this.objectives = List.copyOf(objectives);
            return this;
        }

        /** The study's guide: coverage is measured against its objectives ({@link GuideObjectives}). */
        public Builder guide(dev.chassis.research.guide.Guide guide) {
            this.objectives = GuideObjectives.of(guide);
            this.guideName = "the guide " + guide.source();
            return this;
        }

        public Synthesizer build() {
            return new Synthesizer(this);
        }
    }
}
