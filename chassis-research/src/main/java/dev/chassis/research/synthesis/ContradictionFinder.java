package dev.chassis.research.synthesis;

import dev.chassis.core.text.Words;
import dev.chassis.research.synthesis.phrase.KeyPhrases;
import dev.chassis.research.synthesis.phrase.Phrase;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contradictions within each participant's session, each backed by the two sentences that disagree.
 * Those the live interviewer flagged (contradiction marks) are quoted with the claims the monitor
 * compared, or, for older transcripts, with the sentence of each turn that carries what the mark names
 * (its numbers and words); a mark whose evidence cannot be found in the turns is left out rather than
 * backed by another sentence. Without marks, English sessions are read for two plain kinds, and only
 * when neither sentence hedges or tells of a change over time ("I used to...", "at first"): the same
 * thing counted differently ("12 people" and "40 people" on the team) and opposite frequencies of the
 * same activity ("every day" and "rarely"). Precision comes first: a report that cries wolf is not
 * read; the flags on 250 real interviews were judged one by one (test resources, contradictions).
 * Stateless and deterministic.
 */
final class ContradictionFinder {

    static final int PER_SESSION = 3;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)?)(?![\\p{L}\\d])");
    // A change told as a change is not a contradiction: "I used to write every draft myself; now I rarely do".
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(used to|at first|initially|in the beginning|at the beginning|any ?more|"
            + "no longer|in the past|over time|changed|stopped|started|began|begun|until)\\b");
    private static final Pattern HEDGE = Pattern.compile("(?i)\\b(if|would|could|might|may|maybe|perhaps|wish|hope|hopefully|depends|sometimes|"
            + "probably|not sure|i think|i guess|unless|whether|should)\\b|\\?");
    private static final Pattern HIGH = Pattern.compile("(?i)\\b(always|every day|everyday|daily|every morning|all the time|constantly|"
            + "several times a day|every time)\\b");
    private static final Pattern LOW = Pattern.compile("(?i)\\b(rarely|hardly ever|seldom|almost never|once a month|barely)\\b");

    private ContradictionFinder() {
    }

    static Map<String, List<Contradiction>> find(List<Transcript> transcripts) {
        Map<String, List<Contradiction>> out = new java.util.LinkedHashMap<>();
        for (Transcript t : transcripts) {
            List<Contradiction> found = t.marks(Mark.CONTRADICTION).isEmpty()
                    ? (SessionLanguage.of(t).equals("en") ? heuristic(t) : List.of()) : live(t);
            if (!found.isEmpty()) {
                out.put(t.id(), found);
            }
        }
        return out;
    }

    private static List<Contradiction> live(Transcript t) {
        List<Contradiction> out = new ArrayList<>();
        for (Mark m : t.marks(Mark.CONTRADICTION)) {
            Optional<Turn> later = t.turn(m.turn()).filter(Turn::byParticipant);
            Optional<Turn> earlier = t.turn(m.earlierTurn().orElseThrow()).filter(Turn::byParticipant);
            if (later.isEmpty() || earlier.isEmpty()) {
                continue;   // a mark pointing at an interviewer turn cannot be quoted as the participant's words
            }
            List<String> evidence = m.evidence();
            Optional<String> a = evidence(earlier.get(), evidence.size() == 2 ? evidence.get(0) : "", m.detail(), true);
            Optional<String> b = evidence(later.get(), evidence.size() == 2 ? evidence.get(1) : "", m.detail(), false);
            if (a.isPresent() && b.isPresent()) {
                String reason = m.detail().isBlank() ? "flagged by the interviewer's contradiction monitor" : m.detail();
                out.add(new Contradiction(t.id(), new Quote(t.id(), earlier.get().number(), a.get()),
                        new Quote(t.id(), later.get().number(), b.get()), reason, "live"));
            }
        }
        return out;
    }

    /**
     * The sentence of a turn that carries a mark's claim: the monitor's own quote when it is in the turn;
     * otherwise the sentence with what the mark's detail names (numbers, quoted words); otherwise none.
     */
    static Optional<String> evidence(Turn turn, String claim, String detail, boolean earlier) {
        List<String> sentences = Sentences.of(turn.text(), Locale.ENGLISH);
        if (!claim.isBlank()) {
            String c = claim.strip();
            for (String s : sentences) {
                if (s.contains(c) || c.contains(s)) {
                    return Optional.of(s.contains(c) ? c : s);
                }
            }
        }
        List<String> named = named(detail, earlier);
        for (String s : sentences) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (!named.isEmpty() && named.stream().anyMatch(n -> Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(n) + "(?![\\p{L}\\d])").matcher(lower).find())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** What a mark's detail names for one side: "said 12 at turn 1, now 40" names 12 earlier and 40 later. */
    private static List<String> named(String detail, boolean earlier) {
        String lower = detail.toLowerCase(Locale.ROOT);
        int now = lower.indexOf("now");
        String side = now < 0 ? lower : earlier ? lower.substring(0, now) : lower.substring(now);
        side = side.replaceAll("at turn \\d+", "");
        List<String> out = new ArrayList<>();
        Matcher n = NUMBER.matcher(side);
        while (n.find()) {
            out.add(n.group(1));
        }
        Matcher q = Pattern.compile("['‘\"“]([^'’\"”]+)['’\"”]").matcher(side);
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }

    /** One sentence read for the plain kinds of contradiction. */
    private record Said(int turn, String text, Set<String> words, Set<String> objects, Map<String, Double> counts, int frequency) {
    }

    private static List<Contradiction> heuristic(Transcript t) {
        KeyPhrases reader = KeyPhrases.forLanguage("en");
        List<Said> said = new ArrayList<>();
        for (Turn turn : t.participantTurns()) {
            for (String s : Sentences.of(turn.text(), Locale.ENGLISH)) {
                if (Words.count(s) < 5 || HEDGE.matcher(s).find() || CHANGE.matcher(s).find()) {
                    continue;
                }
                KeyPhrases.Analysed a = reader.analyse(s);
                Set<String> objects = new HashSet<>();
                a.phrases().stream().filter(Phrase::verbal).forEach(p -> {
                    objects.addAll(java.util.Arrays.asList(p.key().substring(p.key().indexOf(' ') + 1).split(" ")));
                });
                int frequency = HIGH.matcher(s).find() ? 1 : LOW.matcher(s).find() ? -1 : 0;
                said.add(new Said(turn.number(), s, new HashSet<>(a.lemmas()), objects, counts(a), frequency));
            }
        }
        List<Contradiction> out = new ArrayList<>();
        for (int i = 0; i < said.size() && out.size() < PER_SESSION; i++) {
            for (int j = i + 1; j < said.size() && out.size() < PER_SESSION; j++) {
                Said a = said.get(i);
                Said b = said.get(j);
                if (a.turn() == b.turn()) {
                    continue;
                }
                reason(a, b).ifPresent(r -> out.add(new Contradiction(t.id(), new Quote(t.id(), a.turn(), a.text()),
                        new Quote(t.id(), b.turn(), b.text()), r, "synthesis")));
            }
        }
        return out;
    }

    private static Optional<String> reason(Said a, Said b) {
        for (Map.Entry<String, Double> e : a.counts().entrySet()) {
            Double other = b.counts().get(e.getKey());
            Set<String> shared = new HashSet<>(a.words());
            shared.retainAll(b.words());
            shared.remove(e.getKey());
            if (other != null && !shared.isEmpty() && Math.max(e.getValue(), other) >= 1.5 * Math.min(e.getValue(), other)) {
                return Optional.of("counted " + fmt(e.getValue()) + " " + e.getKey() + " earlier, " + fmt(other) + " later");
            }
        }
        Set<String> sharedObjects = new HashSet<>(a.objects());
        sharedObjects.retainAll(b.objects());
        if (!sharedObjects.isEmpty() && a.frequency() * b.frequency() < 0) {
            String what = String.join(" ", sharedObjects.stream().sorted().toList());
            return Optional.of("‘" + what + "’ " + (a.frequency() > 0 ? "often" : "rarely") + " earlier, " + (b.frequency() > 0 ? "often" : "rarely") + " later");
        }
        // "Used AI for X" and "did not use AI for Y" are both true of most people: a negation alone, without the
        // same context, flagged mostly non-contradictions on real interviews, so it is left to the live monitor.
        return Optional.empty();
    }

    /** Numbers with the noun they count ("12 people" to people=12). */
    private static Map<String, Double> counts(KeyPhrases.Analysed a) {
        Map<String, Double> out = new java.util.HashMap<>();
        var tokens = a.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (text.chars().allMatch(Character::isDigit) && text.length() <= 6) {
                for (int k = i + 1; k < Math.min(tokens.size(), i + 3); k++) {
                    if (tokens.get(k).tag() == dev.chassis.research.synthesis.phrase.Tag.NOUN) {
                        out.putIfAbsent(tokens.get(k).lemma(), Double.parseDouble(text));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
