package dev.chassis.research.interview;

import dev.chassis.research.guide.Guide;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.SignalMarks;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import dev.chassis.talk.channel.Conversation;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.directive.Directive;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The AI interviewer: a talk-harness session staged from a guide, turn by turn with a participant,
 * until it wraps up. With a synthetic participant time is simulated: the session's clock moves by the
 * person's pace, the time they take to type their answer and the time the interviewer's words take, so a
 * 20-minute interview takes seconds and still ends on time. Thread-safe: each interview has its own session.
 */
public final class Interviewer {

    /** Safety net: no interview goes on for more than this many answers. */
    public static final int MAX_ANSWERS = 60;
    private static final double WORDS_PER_SECOND = 2.5;

    private final Guide guide;
    private final Function<java.time.Clock, TalkHarness> harness;
    private final boolean modelTranslates;

    /** An interviewer on the offline engine, which speaks a language only where the guide has its text. */
    public Interviewer(Guide guide, Function<java.time.Clock, TalkHarness> harness) {
        this(guide, harness, false);
    }

    /**
     * @param harness         builds the talk harness for one interview on the given clock
     * @param modelTranslates whether the engine is a real model, which can hold the interview in a
     *                        language the guide lists without its text (it translates the questions)
     */
    public Interviewer(Guide guide, Function<java.time.Clock, TalkHarness> harness, boolean modelTranslates) {
        this.guide = guide;
        this.harness = harness;
        this.modelTranslates = modelTranslates;
    }

    public Guide guide() {
        return guide;
    }

    /**
     * The language a participant is interviewed in: theirs when the guide has its text in it (or lists it
     * and a real model translates), else the guide's first.
     */
    public String languageFor(String participantLanguage) {
        boolean speaks = guide.hasText(participantLanguage) || modelTranslates && guide.languages().contains(participantLanguage);
        return speaks ? participantLanguage : guide.language();
    }

    /**
     * Runs the interview path once through a throwaway session in the guide's first language ({@link TalkHarness#warmUp}):
     * a fresh process otherwise spends its first interview's opening turns on the JVM's cold start, seconds in which the
     * deadline bridge speaks instead of the interviewer. Calls no model and saves nothing.
     */
    public void warmUp() {
        TalkHarness h = harness.apply(java.time.Clock.systemUTC());
        h.warmUp(h.stage(guide.briefing()));
    }

    /** Interviews a synthetic participant, reporting each turn to {@code events}. */
    public Interview simulate(SyntheticParticipant participant, String sessionId, SessionEvents events) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2025-03-03T09:00:00Z"));
        TalkHarness h = harness.apply(clock);
        String language = languageFor(participant.persona().language());
        Briefing briefing = guide.briefing(language, participant.persona().background(), modelTranslates);
        List<Turn> turns = new ArrayList<>();
        List<TurnRecord> records = new ArrayList<>();
        Instant start = clock.instant();
        try (Session s = h.open(h.stage(briefing), sessionId)) {
            if (!guide.hasText(language)) {
                events.signal(sessionId, "the guide has no " + language + " text: the model translates its questions");
            }
            Conversation talk = new Conversation(s, new EventsChannel(sessionId, events));
            TurnRecord opening = talk.open().join();
            records.add(opening);
            turns.add(new Turn(1, Speaker.INTERVIEWER, opening.reply(), Optional.of(Duration.ZERO)));
            clock.advance(speaking(opening.reply()));
            String last = opening.reply();
            for (int answer = 1; answer <= MAX_ANSWERS; answer++) {
                SyntheticParticipant.Reply reply = participant.answer(last);
                clock.advance(reply.delay());
                clock.advance(reply.composing());   // their line is stamped when they send it, once written out
                int userNumber = turns.size() + 1;
                events.turnStarted(sessionId, userNumber, "participant");
                events.text(sessionId, reply.text());
                events.turnEnded(sessionId, userNumber);
                turns.add(new Turn(userNumber, Speaker.PARTICIPANT, reply.text(), Optional.of(Duration.between(start, clock.instant()))));
                s.settle(Duration.ofSeconds(10)); // the person's pause: monitors finish, as they would in real time
                int agentNumber = turns.size() + 1;
                TurnRecord r = talk.say(new Utterance(reply.text(), Optional.of(reply.delay()), System.nanoTime())).join();
                r.signalsUsed().forEach(sig -> events.signal(sessionId, sig.describe()));
                records.add(r);
                turns.add(new Turn(agentNumber, Speaker.INTERVIEWER, r.reply(), Optional.of(Duration.between(start, clock.instant()))));
                clock.advance(speaking(r.reply()));
                last = r.reply();
                if (r.directive() instanceof Directive.WrapUp) {
                    break;
                }
            }
            s.settle(Duration.ofSeconds(10));
            List<Mark> marks = SignalMarks.of(s.state().signals(), userTurn -> 2 * userTurn);
            Transcript t = new Transcript(sessionId, Optional.ofNullable(participant.persona().id()), Optional.of(s.state().language()),
                    turns, marks);
            return new Interview(t, records, s.state());
        }
    }

    /**
     * The transcript of a live session so far, from its state: every line with its time from the start,
     * the monitors' signals as marks.
     */
    public static Transcript transcript(SessionState state, Optional<String> participant) {
        List<Turn> turns = new ArrayList<>();
        for (Line line : state.transcript()) {
            Speaker speaker = line.speaker() == Line.Speaker.USER ? Speaker.PARTICIPANT : Speaker.INTERVIEWER;
            String text = line.cutOff() ? line.text() + " —" : line.text();
            turns.add(new Turn(turns.size() + 1, speaker, text, Optional.of(Duration.between(state.startedAt(), line.at()))));
        }
        List<Mark> marks = SignalMarks.of(state.signals(), userTurn -> 2 * userTurn);
        return new Transcript(state.sessionId(), participant, Optional.of(state.language()), turns, marks);
    }

    private static Duration speaking(String text) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return Duration.ofMillis((long) (words / WORDS_PER_SECOND * 1000));
    }

}
