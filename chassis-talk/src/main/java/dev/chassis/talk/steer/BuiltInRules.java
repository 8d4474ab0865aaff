package dev.chassis.talk.steer;

import dev.chassis.core.text.Words;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.text.Feelings;
import java.util.List;
import java.util.Optional;

/**
 * The harness's own steering rules, in the order they are tried. Each is a plain
 * {@link SteeringRule}, like an application's.
 */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    /** Every built-in rule, most urgent first. */
    public static List<SteeringRule> all() {
        return List.of(BuiltInRules::takeover, Leaving::rule, BuiltInRules::wrapUp, BuiltInRules::languageSwitch, BuiltInRules::refusal,
                BuiltInRules::emotion, BuiltInRules::contradiction, Angles::onWhat, BuiltInRules::disengagement, BuiltInRules::invitation,
                BuiltInRules::objectiveDone,
                BuiltInRules::drift, BuiltInRules::probe, BuiltInRules::next);
    }

    /** Only the plain sequence of questions: what steering is without signals (for ablations). */
    public static List<SteeringRule> sequenceOnly() {
        return List.of(BuiltInRules::next);
    }

    static Optional<Directive> takeover(SteeringContext c) {
        return c.latest(Signal.TakeoverAttempt.class).map(t ->
                new Directive.Redirect(c.language(), c.currentObjective(), continuing(c), List.of(t)));
    }

    static Optional<Directive> wrapUp(SteeringContext c) {
        for (Signal.TimeCheck t : c.alerts(Signal.TimeCheck.class)) {
            if (t.kind().equals(Signal.TimeCheck.SESSION_ENDING)) {
                return Optional.of(new Directive.WrapUp(c.language(), List.of(t), "the planned time is up"));
            }
        }
        if (c.state().coveredShare() >= 1.0 && !timeForFollowUps(c)) {
            // Covered by the coverage monitor's reading; with most of the time still ahead the guide's own follow-ups are asked
            // first (where hidden things come out), and the end comes early only when the person's answers explored every
            // priority objective deeply enough (Ending): else the other rules go on, and the last of them take it up again.
            Directive end = Ending.or(c, List.copyOf(c.alerts(Signal.ObjectiveCovered.class)),
                    "every objective covered: " + String.join(", ", c.state().coverage().keySet()));
            return end instanceof Directive.WrapUp ? Optional.of(end) : Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<Directive> languageSwitch(SteeringContext c) {
        Optional<Signal.LanguageSwitched> latest = c.latest(Signal.LanguageSwitched.class).filter(s -> !s.to().equals(c.language()));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Signal.LanguageSwitched s = latest.get();
        if (c.briefing().languages().contains(s.to())) {
            // The question in their language where the guide words it there (a real model translates the rest).
            QuestionPlan there = c.plan().in(s.to());
            String question = there.nextQuestion().map(q -> oneAtATime(there, q))
                    .orElseGet(() -> there.nextObjective().flatMap(there::nextQuestion).map(q -> oneAtATime(there, q)).orElseGet(() -> lastAskedIn(c, there)));
            String objective = there.nextQuestion().isPresent() ? c.currentObjective()
                    : there.nextObjective().orElse(c.currentObjective());
            return Optional.of(new Directive.SwitchLanguage(s.to(), s.from(), objective, question, List.of(s)));
        }
        // No questions in that language: say so once, in it; after that, carry on in the session's language.
        return toldBefore(c, s.to()) ? Optional.empty() : Optional.of(new Directive.KeepLanguage(c.language(), s.to(), List.of(s)));
    }

    static Optional<Directive> refusal(SteeringContext c) {
        Optional<List<String>> declined = Declining.topic(c.lastAnswer(), c.language());
        if (declined.isEmpty() || c.state().lastDirective().filter(Directive.WrapUp.class::isInstance).isPresent()) {
            return Optional.empty();
        }
        String from = c.currentObjective();
        List<String> terms = declined.get();
        // The topic is left at once: the next objective's question, else a deeper one elsewhere, else the end. Not an
        // objective the declined words name ("rather not talk about money" while on another: the guide's money section).
        Directive.Respect probe = null;
        QuestionPlan plan = c.plan();
        Optional<String> next = plan.nextObjective(terms);
        if (next.isPresent()) {
            String question = plan.nextQuestion(next.get()).orElseThrow();
            if (!Declining.names(terms, question, c.language())) {
                return Optional.of(new Directive.Respect(c.language(), from, terms, next.get(), oneAtATime(plan, question), List.of()));
            }
        }
        Optional<String> deeper = plan.objectiveToDeepen().filter(o -> !o.equals(from) && !plan.topicNamed(o, terms));
        if (deeper.isPresent()) {
            probe = new Directive.Respect(c.language(), from, terms, deeper.get(), plan.nextProbe(deeper.get()).orElseThrow(), List.of());
        }
        return Optional.of(probe != null ? probe : new Directive.WrapUp(c.language(), List.of(), "the person declined the last topic left"));
    }

    static Optional<Directive> emotion(SteeringContext c) {
        // Room first: the acknowledgement, then at most the next planned question in its simplest form, or nothing.
        return c.latest(Signal.EmotionNoted.class).filter(e -> e.intensity() >= Feelings.STRONG)
                .map(e -> new Directive.Acknowledge(c.language(), e.quote(), e.valence(), c.currentObjective(),
                        c.plan().nextQuestion().map(q -> oneAtATime(c, q)).orElse(""), List.of(e)));
    }

    static Optional<Directive> contradiction(SteeringContext c) {
        return c.latest(Signal.Contradiction.class).filter(x -> !Clarified.before(c.state().log(), x))
                .map(x -> new Directive.Clarify(c.language(), x.earlier(), x.later(), List.of(x)));
    }

    static Optional<Directive> disengagement(SteeringContext c) {
        // Fewer, shorter, more hedged words, or a voice gone quieter, slower or lower than the person's own
        Optional<Signal> dropped = c.latest(Signal.EngagementDropped.class).<Signal>map(d -> d).or(() -> c.latest(Signal.ProsodyNoted.class));
        if (dropped.isEmpty() || staleDrop(c, dropped.get())) {
            return Optional.empty();
        }
        Optional<String> next = c.plan().nextQuestion();
        if (next.isPresent()) {
            return Optional.of(new Directive.Simplify(c.language(), c.currentObjective(), c.plan().simpler(next.get()), List.of(dropped.get())));
        }
        // A question they lost interest in is not asked again, even shorter: the next objective's, simply. With none left
        // the other rules decide (a follow-up, the end): re-asking the last question, shorter, is still a repeat.
        return c.plan().nextObjective().map(o -> new Directive.Simplify(c.language(), o,
                c.plan().simpler(c.plan().nextQuestion(o).orElseThrow()), List.of(dropped.get())));
    }

    /**
     * A drop read in an answer before the last one (the monitor runs behind the reply, so on a busy machine its reading lands
     * a turn late) while the answer just given is rich again: the person is talking, and "in a sentence or two" now would
     * cut off what they just opened up (a Russian development interview: the notebook by the till, never followed up).
     */
    private static boolean staleDrop(SteeringContext c, Signal dropped) {
        return dropped instanceof Signal.EngagementDropped d && richSince(c, d.turn());
    }

    /** Whether the answer just given, after the one read at {@code turn}, is rich: a reading of that one is stale. */
    private static boolean richSince(SteeringContext c, int turn) {
        return turn < c.state().turn() && Declining.words(c.lastAnswer(), c.language()) >= RICH_WORDS;
    }

    /** Engaged enough to be followed up: the latest reading says so, or it read an earlier answer and the last one is rich. */
    private static boolean engaged(SteeringContext c) {
        var readings = c.state().engagement();
        return readings.isEmpty() || readings.last().score() >= 0.5 || richSince(c, readings.last().turn());
    }

    static Optional<Directive> invitation(SteeringContext c) {
        // "Happy to go into detail on that": an offer is taken up, the detail asked for on what they said before it. The same
        // offer again word for word is a stock phrase, not an invitation: taking it up again would only make it loop.
        if (!Offers.in(c.lastAnswer(), c.language()) || Declining.topic(c.lastAnswer(), c.language()).isPresent()
                || saidBefore(c, c.lastAnswer())) {
            return Optional.empty();
        }
        String current = c.currentObjective();
        if (c.plan().declined(current)) {
            return Optional.empty();
        }
        // Never the words of a refusal, nor of a topic declined: the offer is taken up on what they are open about.
        String before = answerBefore(c);
        String quote = before.isBlank() || Declining.topic(before, c.language()).isPresent() ? ""
                : Quotes.salient(before, 6, c.language(), topicOf(c, current));
        if (!quote.isEmpty() && !probedBefore(c, quote) && !c.plan().namesDeclined(quote)) {
            return Optional.of(new Directive.Probe(c.language(), current, quote, "", List.of()));
        }
        return c.plan().nextProbe().map(p -> new Directive.Probe(c.language(), current, "", p, List.of()));
    }

    static Optional<Directive> objectiveDone(SteeringContext c) {
        String current = c.currentObjective();
        Signal done = null;
        for (Signal.ObjectiveCovered s : c.alerts(Signal.ObjectiveCovered.class)) {
            if (s.objectiveId().equals(current)) {
                done = s;
                break;
            }
        }
        if (done == null) {
            for (Signal.TimeCheck t : c.alerts(Signal.TimeCheck.class)) {
                if (t.kind().equals(Signal.TimeCheck.OBJECTIVE_OVER_TIME) && t.objectiveId().filter(current::equals).isPresent()) {
                    done = t;
                    break;
                }
            }
        }
        if (done == null) {
            return Optional.empty();
        }
        List<Signal> because = List.of(done);
        Optional<String> following = c.plan().nextObjective();
        if (following.isEmpty() && timeForFollowUps(c)) {
            return Optional.empty(); // nothing new to move on to, time left: the guide's follow-ups (next) before the end
        }
        String why = done instanceof Signal.TimeCheck
                ? "the last objective ran over its time, nothing else left to ask" : "the last objective explored, nothing else left to ask";
        return Optional.of(following
                .<Directive>map(next -> new Directive.MoveOn(c.language(), current, next, oneAtATime(c, c.plan().nextQuestion(next).orElseThrow()), because))
                .orElseGet(() -> Ending.or(c, because, why)));
    }

    static Optional<Directive> drift(SteeringContext c) {
        // Only a drift in the answer just given: one read late, about an answer already replied to, would leave the
        // answer to a new question unexplored (a busy machine lands monitors a turn late).
        Optional<Signal.Drift> drift = c.latest(Signal.Drift.class).filter(d -> d.turn() >= c.state().turn());
        if (drift.isEmpty()) {
            return Optional.empty();
        }
        List<Signal> because = List.of(drift.get());
        Optional<String> next = c.plan().nextQuestion();
        if (next.isPresent()) {
            return Optional.of(new Directive.Ask(c.language(), c.currentObjective(), oneAtATime(c, next.get()), because));
        }
        // Everything planned here was asked: asking it again would repeat a question, so go on to the next objective.
        // Drift never ends an interview: with no objective left the other rules decide (the guide's follow-ups, the end),
        // since a drift read from words can be wrong (an answer in words the guide does not use).
        return c.plan().nextObjective()
                .<Directive>map(o -> new Directive.MoveOn(c.language(), c.currentObjective(), o, oneAtATime(c, c.plan().nextQuestion(o).orElseThrow()), because));
    }

    static Optional<Directive> probe(SteeringContext c) {
        Optional<Directive> last = c.state().lastDirective();
        if (last.isEmpty() || last.get() instanceof Directive.Probe || last.get() instanceof Directive.KeepLanguage
                || last.get() instanceof Directive.Respect) {
            return Optional.empty();
        }
        String answer = c.lastAnswer();
        String current = c.currentObjective();
        if (!engaged(c) || c.plan().declined(current) || saidBefore(c, answer) || hardMomentJustSaid(c)) {
            return Optional.empty();
        }
        boolean covered = c.state().coverage().getOrDefault(current, dev.chassis.talk.state.Coverage.NONE).covered();
        if (covered) {
            return Optional.empty();
        }
        int words = Declining.words(answer, c.language());
        // A rich answer is followed on its own words; a thin one with the guide's follow-up for the objective. Near a hard
        // moment the pace is lower: the person's words are dug into only when they no longer speak of anything painful
        // (the next answer, on the app again, may be followed up like any other: that is where a fact can come).
        if (words >= RICH_WORDS && !(gentleNow(c) && painful(answer, c.language()))) {
            String quote = Quotes.salient(answer, 6, c.language(), topicOf(c, current));
            if (!quote.isEmpty() && !probedBefore(c, quote) && !c.plan().namesDeclined(quote)) {
                return Optional.of(new Directive.Probe(c.language(), current, quote, "", List.of()));
            }
        }
        return words >= 2 ? c.plan().nextProbe().map(p -> new Directive.Probe(c.language(), current, "", p, List.of())) : Optional.empty();
    }

    static Optional<Directive> next(SteeringContext c) {
        QuestionPlan plan = c.plan();
        Optional<String> q = plan.nextQuestion();
        if (q.isPresent()) {
            return Optional.of(new Directive.Ask(c.language(), c.currentObjective(), oneAtATime(plan, q.get()), List.of()));
        }
        Optional<String> next = plan.nextObjective();
        if (next.isPresent()) {
            return Optional.of(new Directive.MoveOn(c.language(), c.currentObjective(), next.get(),
                    oneAtATime(plan, plan.nextQuestion(next.get()).orElseThrow()), List.of()));
        }
        // The planned questions are all asked: with time left, go deeper where the guide has follow-ups.
        // On another objective than the one just talked about, a follow-up is taken back to the person's words there.
        Optional<Directive> deeper = plan.objectiveToDeepen().filter(o -> timeUsed(c) < FOLLOW_UP_TIME)
                .flatMap(o -> Transitions.followUp(c, o, plan.nextProbe(o).orElseThrow()));
        if (deeper.isPresent()) {
            return deeper;
        }
        // Then the guide's follow-ups left on objectives already covered: the researcher's own planned digging.
        if (timeUsed(c) < FOLLOW_UP_TIME) {
            // Right after a hard moment the pace is lower: another objective's follow-up first, if there is one.
            Optional<String> more = plan.objectiveWithProbeLeft(gentleNow(c) ? java.util.Set.of(c.currentObjective()) : java.util.Set.of());
            Optional<Directive> followUp = more.flatMap(o -> Transitions.followUp(c, o, plan.nextProbe(o).orElseThrow()));
            if (followUp.isPresent()) {
                return followUp;
            }
        }
        return Optional.of(Ending.or(c, List.of(), timeUsed(c) < FOLLOW_UP_TIME
                ? "every planned question and every follow-up of the guide asked" : "every planned question asked, and most of the time used"));
    }

    /** The stemmed terms the guide uses for an objective: what a quote of the person's words should be about. */
    static java.util.Set<String> topicOf(SteeringContext c, String objective) {
        var o = c.plan().objective(objective);
        return dev.chassis.talk.text.Analysis.termSet(String.join(" ", o.title(), o.description(), String.join(" ", o.questions()),
                String.join(" ", o.probes()), String.join(" ", o.keywords())), c.language());
    }

    /** Less than {@link #FOLLOW_UP_TIME} of the time used and a follow-up of the guide not asked yet. */
    private static boolean timeForFollowUps(SteeringContext c) {
        return timeUsed(c) < FOLLOW_UP_TIME && c.plan().objectiveWithProbeLeft().isPresent();
    }

    /** Below this share of the planned time used, the guide's follow-ups are asked before the interview ends. */
    private static final double FOLLOW_UP_TIME = 0.7;

    /** Share of the planned time gone by the person's last answer. */
    static double timeUsed(SteeringContext c) {
        java.time.Instant now = c.state().lastUserLine().map(dev.chassis.talk.state.Line::at).orElse(c.state().startedAt());
        return java.time.Duration.between(c.state().startedAt(), now).toMillis() / (double) Math.max(1, c.briefing().duration().toMillis());
    }

    /** The last answer is itself the hard moment: it is met by the acknowledgement, never followed up as an answer. */
    private static boolean hardMomentJustSaid(SteeringContext c) {
        var emotions = c.state().emotions();
        return !emotions.isEmpty() && emotions.last().valence() < 0 && emotions.last().intensity() >= Feelings.STRONG
                && emotions.last().turn() >= c.state().turn();
    }

    /** Whether an answer speaks of something painful: a negative feeling read in it, however mild. */
    private static boolean painful(String answer, String language) {
        return Feelings.read(answer, language).filter(m -> m.valence() < 0).isPresent()
                || dev.chassis.talk.text.Lexicon.sentiment(answer, language) < 0;
    }

    /** Within two turns of a hard moment the pace is lower: no digging on words that still speak of it. */
    private static boolean gentleNow(SteeringContext c) {
        var emotions = c.state().emotions();
        return !emotions.isEmpty() && emotions.last().valence() < 0 && emotions.last().intensity() >= Feelings.STRONG
                && c.state().turn() - emotions.last().turn() <= 2;
    }

    /** Whether the person was told already that the session cannot go on in {@code language}. */
    private static boolean toldBefore(SteeringContext c, String language) {
        for (var e : c.state().log()) {
            if (e instanceof dev.chassis.talk.state.SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.KeepLanguage k
                    && k.spoken().equals(language)) {
                return true;
            }
        }
        return false;
    }

    /** A double-barrelled planned question is asked in its first part: one thing at a time. */
    private static String oneAtATime(SteeringContext c, String question) {
        return oneAtATime(c.plan(), question);
    }

    private static String oneAtATime(QuestionPlan plan, String question) {
        // Only where its first part can be cut off: the plan knows a question as asked by its words or its first part, so
        // a "simpler" form that is neither ("In a sentence or two: ...") would leave it unasked and asked again and again.
        // Then a leading or closed question is put open; the plan knows that form as asked too.
        String one = QuestionCheck.doubleBarrelled(question, plan.wordedIn()) && QuestionPlan.cuts(question) ? plan.simpler(question) : question;
        return plan.opened(one);
    }

    /** A question to carry on with: the next planned one, else the next objective's, else a simpler form of the last. */
    private static String continuing(SteeringContext c) {
        QuestionPlan plan = c.plan();
        return plan.nextQuestion().map(q -> oneAtATime(plan, q))
                .orElseGet(() -> plan.nextObjective().flatMap(plan::nextQuestion).map(q -> oneAtATime(plan, q))
                        .orElseGet(() -> plan.simpler(lastAsked(c))));
    }

    /** The last planned question, worded in the plan's language where the guide has it there. */
    private static String lastAskedIn(SteeringContext c, QuestionPlan plan) {
        var o = plan.objective(c.currentObjective());
        return plan.simpler(o.questions().getLast());
    }

    // Steering runs on the turn's path: these checks look back over the recent conversation only, so their
    // cost stays flat however long the session grows. A repeat from long ago is not the repeat that grates.
    private static final int RECENT_LINES = 40;
    /** An answer this long has words of the person's own worth following up. */
    private static final int RICH_WORDS = 12;
    private static final int RECENT_EVENTS = 400;

    /** Whether the person gave this very answer recently: they have nothing to add, so probing it gets nowhere. */
    private static boolean saidBefore(SteeringContext c, String answer) {
        var lines = c.state().transcript();
        int same = 0;
        for (int i = Math.max(0, lines.size() - RECENT_LINES); i < lines.size(); i++) {
            if (lines.get(i).speaker() == dev.chassis.talk.state.Line.Speaker.USER && lines.get(i).text().strip().equals(answer.strip())) {
                same++;
            }
        }
        return same > 1; // the last answer itself is in the transcript once
    }

    /** The person's answer before the last one, among the recent lines; empty when there is none. */
    private static String answerBefore(SteeringContext c) {
        var lines = c.state().transcript();
        int seen = 0;
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - RECENT_LINES); i--) {
            if (lines.get(i).speaker() == dev.chassis.talk.state.Line.Speaker.USER && ++seen == 2) {
                return lines.get(i).text();
            }
        }
        return "";
    }

    /** Whether these words were probed recently: the same probe twice is a repeated question. */
    static boolean probedBefore(SteeringContext c, String quote) {
        var log = c.state().log();
        for (int i = log.size() - 1; i >= Math.max(0, log.size() - RECENT_EVENTS); i--) {
            if (log.get(i) instanceof dev.chassis.talk.state.SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Probe p
                    && p.quote().equalsIgnoreCase(quote)) {
                return true;
            }
        }
        return false;
    }

    private static String lastAsked(SteeringContext c) {
        return c.state().asked().isEmpty() ? c.briefing().objective(c.currentObjective()).questions().getFirst() : c.state().asked().last();
    }
}
