package dev.chassis.research.ledger;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.interview.Interviewer;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.testkit.participant.PersonaFile;
import dev.chassis.testkit.participant.SyntheticParticipant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A finished interview run again with a change (another ledger, guide or model) from one of its turns:
 * the participant's recorded answers before that turn go, in order, to a new session of the changed
 * harness, and from it on either the rest of the recorded answers or a synthetic participant (a persona,
 * who answers what the changed interviewer now asks) carry on, until it wraps up. The two transcripts and
 * their signals side by side show where the change took the conversation elsewhere: how a researcher
 * tries a fix on a real conversation.
 *
 * @param original the recorded interview
 * @param forked   the changed interviewer's conversation
 * @param from     the turn the fork starts from (1: the whole interview)
 */
public record SessionFork(Transcript original, Transcript forked, int from) {

    /** Who answers the changed interviewer from the fork's turn on. */
    public sealed interface Continuation {
        /** The rest of the recorded answers, in order, whatever the interviewer now asks. */
        record Recorded() implements Continuation { }

        /** A synthetic participant (named), who answers the questions the changed interviewer asks. */
        record Persona(String name, UnaryOperator<String> answers) implements Continuation { }

        /**
         * The persona in {@code file}, answering with {@code seed}.
         *
         * @throws InvalidInputException naming the file, line and field when the persona is not valid
         */
        static Continuation persona(Path file, long seed) {
            SyntheticParticipant p = new SyntheticParticipant(PersonaFile.load(file), seed);
            return new Persona(p.persona().id(), question -> p.answer(question).text());
        }
    }

    /** Replays all of {@code original}'s answers through {@code harness} staged with {@code briefing}. */
    public static SessionFork of(Transcript original, TalkHarness harness, Briefing briefing) {
        return of(original, harness, briefing, 1, new Continuation.Recorded());
    }

    /**
     * Forks {@code original} at turn {@code from}: the answers before it are replayed through {@code harness} staged with
     * {@code briefing}, then {@code then} answers until the interviewer wraps up.
     *
     * @throws InvalidInputException when the transcript has no turn {@code from}, or it is the participant's
     */
    public static SessionFork of(Transcript original, TalkHarness harness, Briefing briefing, int from, Continuation then) {
        List<String> answers = original.turns().stream().filter(t -> t.speaker() == Speaker.PARTICIPANT).map(Turn::text).toList();
        int before = answersBefore(original, from);
        try (Session s = harness.open(harness.stage(briefing))) {
            String last = s.open(t -> { }).join().reply();
            for (int i = 0; ; i++) {
                Optional<String> answer = i < before ? Optional.of(answers.get(i)) : switch (then) {
                    case Continuation.Recorded r -> i < answers.size() ? Optional.of(answers.get(i)) : Optional.<String>empty();
                    case Continuation.Persona p -> i < Interviewer.MAX_ANSWERS ? Optional.of(p.answers().apply(last))
                            : Optional.<String>empty();
                };
                if (answer.isEmpty()) {
                    break;
                }
                TurnRecord r = s.respond(answer.get(), t -> { }).join();
                s.settle(Duration.ofSeconds(10)); // the monitors land before the next answer, as in a person's pause
                last = r.reply();
                if (r.directive() instanceof Directive.WrapUp) {
                    break;
                }
            }
            return new SessionFork(original, Interviewer.transcript(s.state(), original.participant()), from);
        }
    }

    /** How many of the participant's answers come before interviewer turn {@code from}. */
    private static int answersBefore(Transcript t, int from) {
        if (from == 1) {
            return 0;
        }
        Turn turn = t.turns().stream().filter(x -> x.number() == from).findFirst().orElseThrow(() -> new InvalidInputException("", 0, "--turn",
                "session " + t.id() + " has no turn " + from + "; its turns are 1 to " + t.turns().size()));
        if (turn.speaker() != Speaker.INTERVIEWER) {
            throw new InvalidInputException("", 0, "--turn", "turn " + from + " of session " + t.id()
                    + " is the participant's; fork at an interviewer's turn (the one to say differently)");
        }
        return (int) t.turns().stream().filter(x -> x.number() < from && x.speaker() == Speaker.PARTICIPANT).count();
    }

    /** The number of the first turn that differs, if any. */
    public OptionalInt divergesAt() {
        return rows().stream().filter(Row::differs).mapToInt(Row::turn).findFirst();
    }

    /** One turn on both sides; a side without the turn has {@code ""}. */
    public record Row(int turn, Speaker speaker, String recorded, String forked, boolean differs) {
    }

    /** Both transcripts turn by turn. */
    public List<Row> rows() {
        List<Turn> a = original.turns();
        List<Turn> b = forked.turns();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String was = i < a.size() ? a.get(i).text() : "";
            String now = i < b.size() ? b.get(i).text() : "";
            out.add(new Row(i + 1, (i < a.size() ? a.get(i) : b.get(i)).speaker(), was, now, !same(was, now)));
        }
        return out;
    }

    /** Both transcripts turn by turn, {@code ~} where they differ, then the signals each raised by kind. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Row r : rows()) {
            String label = String.format(Locale.ROOT, "%3d %-11s", r.turn(), r.speaker().name().toLowerCase(Locale.ROOT));
            if (!r.differs()) {
                out.add("  " + label + " " + r.recorded());
            } else {
                out.add("~ " + label + " - " + (r.recorded().isEmpty() ? "(no turn)" : r.recorded()));
                out.add("  " + " ".repeat(label.length()) + " + " + (r.forked().isEmpty() ? "(no turn)" : r.forked()));
            }
        }
        out.add("signals: recorded " + kinds(original.marks()) + " -> forked " + kinds(forked.marks()));
        return out;
    }

    /** The signals the recorded interview raised, counted by kind. */
    public Map<String, Integer> originalSignals() {
        return kinds(original.marks());
    }

    /** The signals the fork raised, counted by kind. */
    public Map<String, Integer> forkedSignals() {
        return kinds(forked.marks());
    }

    private static Map<String, Integer> kinds(List<Mark> marks) {
        Map<String, Integer> out = new TreeMap<>();
        marks.forEach(m -> out.merge(m.kind(), 1, Integer::sum));
        return out;
    }

    /**
     * The same words, whatever the punctuation and case (a cut reply's dash, a bridge's spacing), and whether or not a
     * deadline bridge ("Right, give me a moment.") came first on a slow turn: only one side may have been late.
     */
    private static boolean same(String a, String b) {
        String x = plain(a);
        String y = plain(b);
        return x.equals(y) || !x.isEmpty() && !y.isEmpty() && (x.endsWith(" " + y) || y.endsWith(" " + x));
    }

    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
