package dev.chassis.research.ledger;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A finished interview run again with a change (another ledger, guide or model): the participant's
 * recorded answers, in order, to a new session of the changed harness, until it wraps up or the answers
 * run out. The two transcripts and their signals side by side show where the change took the
 * conversation elsewhere: how a researcher tries a fix on a real conversation.
 *
 * @param original the recorded interview
 * @param forked   the same answers to the changed interviewer
 */
public record SessionFork(Transcript original, Transcript forked) {

    /** Replays {@code original}'s answers through {@code harness} staged with {@code briefing}. */
    public static SessionFork of(Transcript original, TalkHarness harness, Briefing briefing) {
        List<String> answers = original.turns().stream().filter(t -> t.speaker() == Speaker.PARTICIPANT).map(Turn::text).toList();
        try (Session s = harness.open(harness.stage(briefing))) {
            s.open(t -> { }).join();
            for (String answer : answers) {
                TurnRecord r = s.respond(answer, t -> { }).join();
                s.settle(Duration.ofSeconds(10)); // the monitors land before the next answer, as in a person's pause
                if (r.directive() instanceof Directive.WrapUp) {
                    break;
                }
            }
            return new SessionFork(original, Interviewer.transcript(s.state(), original.participant()));
        }
    }

    /** The number of the first interviewer turn that differs, if any. */
    public OptionalInt divergesAt() {
        List<Turn> a = original.turns();
        List<Turn> b = forked.turns();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size() || !same(a.get(i).text(), b.get(i).text())) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** Both transcripts turn by turn, {@code ~} where they differ, then the signals each raised by kind. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        List<Turn> a = original.turns();
        List<Turn> b = forked.turns();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String was = i < a.size() ? a.get(i).text() : "";
            String now = i < b.size() ? b.get(i).text() : "";
            Speaker who = (i < a.size() ? a.get(i) : b.get(i)).speaker();
            String label = String.format(Locale.ROOT, "%3d %-11s", i + 1, who.name().toLowerCase(Locale.ROOT));
            if (same(was, now)) {
                out.add("  " + label + " " + was);
            } else {
                out.add("~ " + label + " - " + (was.isEmpty() ? "(no turn)" : was));
                out.add("  " + " ".repeat(label.length()) + " + " + (now.isEmpty() ? "(no turn)" : now));
            }
        }
        out.add("signals: recorded " + kinds(original.marks()) + " -> forked " + kinds(forked.marks()));
        return out;
    }

    private static Map<String, Integer> kinds(List<Mark> marks) {
        Map<String, Integer> out = new TreeMap<>();
        marks.forEach(m -> out.merge(m.kind(), 1, Integer::sum));
        return out;
    }

    /** The same words, whatever the punctuation and case (a cut reply's dash, a bridge's spacing). */
    private static boolean same(String a, String b) {
        return plain(a).equals(plain(b));
    }

    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
