package dev.chassis.talk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds an emotional moment in an answer, sentence by sentence, from the language's {@link Cues}: a
 * loss or harm (to the person or someone in their care) is strong on its own, and so is a happening such as a fall,
 * a collapse or a flood when the sentence says whom it befell, and a loss told in the first person when what was lost can
 * be a person; a feeling of distress
 * is strong when intensified ("so scared") or acute by itself ("terrified"), felt in the first person, or joined by
 * another; a cue
 * under a negation ("nobody was hurt", "je n'ai pas eu peur") does not count. Pride and joy are
 * moments too, with positive valence.
 */
public final class Feelings {

    /** Intensity from which a moment is strong enough to acknowledge before anything else. */
    public static final double STRONG = 0.6;

    private Feelings() {
    }

    /**
     * A moment in the answer: the sentence that carried it, its valence (-1 distress to 1 joy) and intensity (0..1).
     *
     * @param cues the cues found in it, for the session's events
     */
    public record Moment(String sentence, double valence, double intensity, List<String> cues) { }

    /** The moment of {@code text} to meet, if any sentence carries one: a hard one first, else the most intense. */
    public static Optional<Moment> read(String text, String language) {
        Cues c = Cues.of(language);
        Moment best = null;
        for (String found : Runs.sentences(text, Runs.ENDS, false)) {
            String sentence = found.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            Moment moment = sentence(sentence, c);
            if (moment != null && (best == null || outweighs(moment, best))) {
                best = moment;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether {@code a} is the moment to meet rather than {@code b}: a hard one before any other, however proud the sentence
     * beside it ("a patient died on my shift. I'm so proud of my team" is met with sympathy, not with "that meant a lot").
     */
    private static boolean outweighs(Moment a, Moment b) {
        boolean hardA = a.valence() < 0 && a.intensity() >= STRONG;
        boolean hardB = b.valence() < 0 && b.intensity() >= STRONG;
        return hardA != hardB ? hardA : a.intensity() > b.intensity();
    }

    private static Moment sentence(String sentence, Cues c) {
        String lower = Cues.lower(sentence);
        List<String> harm = new ArrayList<>(unnegated(lower, c.harm(), c));
        boolean firstPerson = !c.found(lower, c.firstPerson()).isEmpty();
        boolean someone = !c.found(lower, c.people()).isEmpty();
        // A happening ("fell", "collapsed", a flood) is a harm only when it befalls someone: the person, or someone they name.
        if (firstPerson || someone) {
            harm.addAll(unnegated(lower, c.events(), c));
        }
        // A loss is a hard moment when what was lost can be a person: "I lost my apprentice", not "I lost my keys, my
        // neighbour had a spare" (the person must be named next to the loss, in its clause).
        if (someone) {
            unnegated(lower, c.loss(), c).stream().filter(l -> lostSomeone(lower, l, c)).forEach(harm::add);
        }
        List<String> acute = unnegated(lower, c.acute(), c);
        List<String> distress = new ArrayList<>(unnegated(lower, c.distress(), c));
        // "I worry that AI will...", "j'ai peur que...": a concern about what may come, unless a harm is told beside it.
        if (harm.isEmpty()) {
            distress.removeIf(d -> c.followedBy(lower, c.find(lower, d), d.length(), c.concern()));
        }
        distress.removeIf(d -> acute.stream().anyMatch(a -> a.contains(d)));
        distress.addAll(acute);
        List<String> positive = unnegated(lower, c.positive(), c);
        if (harm.isEmpty() && distress.isEmpty() && positive.isEmpty()) {
            return null;
        }
        boolean intensified = !c.found(lower, c.intensity()).isEmpty();
        boolean intense = !acute.isEmpty() || intensified;
        double negative = harm.isEmpty() ? 0 : 0.7 + (firstPerson || intense ? 0.1 : 0);
        if (!distress.isEmpty()) {
            // An acute feeling said with an intensifier ("完全に燃え尽き", "teljesen kiégtem") is strong without a first-person word.
            double felt = 0.35 + (intense ? 0.2 : 0) + (!acute.isEmpty() && intensified ? 0.1 : 0) + (firstPerson ? 0.15 : 0)
                    + (distress.size() > 1 ? 0.25 : 0);
            negative = Math.max(negative, felt) + (negative > 0 ? 0.1 : 0);
        }
        double joy = positive.isEmpty() ? 0 : 0.45 + (intense ? 0.2 : 0) + (firstPerson ? 0.1 : 0);
        List<String> cues = new ArrayList<>(harm);
        cues.addAll(distress);
        cues.addAll(positive);
        return negative >= joy
                ? new Moment(sentence, -Math.min(1, 0.4 + negative / 2), Math.min(1, negative), List.copyOf(cues))
                : new Moment(sentence, Math.min(1, 0.4 + joy / 2), Math.min(1, joy), List.copyOf(cues));
    }

    /** Whether one of the people is named within three words (eight characters unspaced) of {@code loss}, in its clause. */
    private static boolean lostSomeone(String lower, String loss, Cues c) {
        int at = c.find(lower, loss);
        int end = at + loss.length();
        int from = at;
        while (from > 0 && CLAUSE.indexOf(lower.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < lower.length() && CLAUSE.indexOf(lower.charAt(to)) < 0) {
            to++;
        }
        String before = lower.substring(from, at);
        String after = lower.substring(end, to);
        String near = c.unspaced()
                ? before.substring(Math.max(0, before.length() - NEAR_CHARS)) + " " + after.substring(0, Math.min(after.length(), NEAR_CHARS))
                : String.join(" ", last(before, NEAR_WORDS)) + " " + String.join(" ", first(after, NEAR_WORDS));
        return !c.found(near, c.people()).isEmpty();
    }

    private static final String CLAUSE = ",;:–—、，";
    private static final int NEAR_WORDS = 3;
    private static final int NEAR_CHARS = 8;

    private static List<String> words(String s) {
        return java.util.Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static List<String> first(String s, int n) {
        List<String> w = words(s);
        return w.subList(0, Math.min(n, w.size()));
    }

    private static List<String> last(String s, int n) {
        List<String> w = words(s);
        return w.subList(Math.max(0, w.size() - n), w.size());
    }

    private static List<String> unnegated(String lower, List<String> phrases, Cues c) {
        List<String> out = new ArrayList<>(2);
        for (String p : phrases) {
            int at = c.find(lower, p);
            if (at >= 0 && !c.negatedAt(lower, at, Cues.span(p)) && out.stream().noneMatch(q -> q.contains(p))) {
                out.add(p);
            }
        }
        return out;
    }
}
