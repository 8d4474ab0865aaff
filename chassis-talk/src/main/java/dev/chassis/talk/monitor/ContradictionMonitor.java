package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notes the claims in each answer and compares them with earlier claims on the same subject: a
 * flipped negation, a different number of the same thing, a different year, or a frequency far from
 * the earlier one is a contradiction; so are frequencies at opposite ends of the scale on the same
 * topic, whatever the words. When a {@link ContradictionJudge} is configured (a real
 * model), pairs on the same subject that no rule settles are put to it.
 */
public final class ContradictionMonitor implements Monitor {

    private final Optional<ContradictionJudge> judge;

    public ContradictionMonitor() {
        this(Optional.empty());
    }

    public ContradictionMonitor(Optional<ContradictionJudge> judge) {
        this.judge = judge;
    }

    @Override
    public String name() {
        return "contradiction";
    }

    @Override
    public Duration budget() {
        return judge.isPresent() ? Duration.ofSeconds(10) : Duration.ofSeconds(2);
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) throws Exception {
        String topic = turn.prompt().flatMap(d -> d.objective()).orElse(s.currentObjective());
        // Read in the language the person speaks now, which may not be the session's yet.
        String spoken = java.util.Objects.requireNonNullElse(LanguageMonitor.spoken(turn.text(), s.language()), s.language());
        List<Claim> fresh = ClaimExtractor.extract(turn.turn(), turn.text(), spoken, topic);
        List<Signal> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (Claim later : fresh) {
            out.add(new Signal.ClaimNoted(turn.turn(), name(), later));
            for (Claim earlier : s.claims()) {
                if (earlier.turn() >= turn.turn() || reported.contains(earlier.turn())) {
                    continue;
                }
                Optional<String[]> verdict = compare(earlier, later);
                if (verdict.isPresent() && heldTogether(earlier, later, fresh)) {
                    verdict = Optional.empty();
                }
                if (verdict.isEmpty() && judge.isPresent() && sameSubject(earlier, later, 0.5)) {
                    verdict = judge.get().judge(earlier, later).map(reason -> new String[] {"judged", reason});
                }
                if (verdict.isPresent()) {
                    out.add(new Signal.Contradiction(turn.turn(), name(), earlier, later, verdict.get()[0], verdict.get()[1]));
                    reported.add(earlier.turn());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The contradictions this monitor would raise over one person's answers, in order, read offline: every
     * answer's claims against the earlier answers' (one topic throughout, which is stricter than a live
     * session, where claims carry the objective they were made under). For measuring precision on real
     * transcripts.
     */
    public static List<Signal.Contradiction> over(List<String> answers, String language) {
        List<Claim> earlier = new ArrayList<>();
        List<Signal.Contradiction> out = new ArrayList<>();
        for (int turn = 1; turn <= answers.size(); turn++) {
            List<Claim> fresh = ClaimExtractor.extract(turn, answers.get(turn - 1), language, "");
            Set<Integer> reported = new HashSet<>();
            for (Claim later : fresh) {
                for (Claim e : earlier) {
                    if (reported.contains(e.turn())) {
                        continue;
                    }
                    Optional<String[]> verdict = compare(e, later).filter(v -> !heldTogether(e, later, fresh));
                    if (verdict.isPresent()) {
                        out.add(new Signal.Contradiction(turn, "contradiction", e, later, verdict.get()[0], verdict.get()[1]));
                        reported.add(e.turn());
                        break;
                    }
                }
            }
            earlier.addAll(fresh);
        }
        return out;
    }

    /** The kind of contradiction and an explanation, or empty when the two claims agree or differ in subject. */
    static Optional<String[]> compare(Claim earlier, Claim later) {
        if (NegationScope.aboutOthers(earlier) != NegationScope.aboutOthers(later)) {
            return Optional.empty(); // "I check it every morning" and "my manager rarely checks anything" are about two people
        }
        if (earlier.frequency().isPresent() && later.frequency().isPresent()
                && Math.abs(ClaimExtractor.frequencyLevel(earlier.frequency().get()) - ClaimExtractor.frequencyLevel(later.frequency().get())) >= 3
                && plain(earlier) && plain(later) && (sameLanguage(earlier, later)
                        ? commonTerms(earlier.subject(), later.subject()) >= 1 || aboutIt(earlier) && aboutIt(later) && firstPerson(earlier) && firstPerson(later)
                        : earlier.topic().equals(later.topic()) || cognates(earlier.subject(), later.subject()) >= 1
                                && firstPerson(earlier) && firstPerson(later))) {
            // Where it was said (the objective) does not matter: people say how often anywhere in an interview.
            // Opposite ends of the frequency scale on the same topic need clarifying even in different words.
            return Optional.of(new String[] {"frequency", "said '" + earlier.frequency().get() + "', now '" + later.frequency().get() + "'"});
        }
        if (countsSameThing(earlier, later) && (earlier.unit().equals(later.unit()) && earlier.unit().filter("us"::equals).isPresent()
                || sameSubject(earlier, later, 0.5) || plain(earlier) && plain(later) && commonTerms(earlier.subject(), later.subject()) >= 2)) {
            double a = earlier.quantity().get();
            double b = later.quantity().get();
            if (Math.abs(a - b) / Math.max(1, Math.max(a, b)) > 0.25) {
                return Optional.of(new String[] {"number", "said " + fmt(a) + " at turn " + earlier.turn() + ", now " + fmt(b)});
            }
        }
        if (!sameSubject(earlier, later, 0.5)) {
            return Optional.empty();
        }
        if (earlier.year().isPresent() && later.year().isPresent() && !earlier.year().equals(later.year())) {
            return Optional.of(new String[] {"time", "said " + earlier.year().get() + ", now " + later.year().get()});
        }
        if (earlier.frequency().isPresent() && later.frequency().isPresent()) {
            int a = ClaimExtractor.frequencyLevel(earlier.frequency().get());
            int b = ClaimExtractor.frequencyLevel(later.frequency().get());
            if (Math.abs(a - b) >= 2 && sameSubject(earlier, later, 0.6)) {
                return Optional.of(new String[] {"frequency", "said '" + earlier.frequency().get() + "', now '" + later.frequency().get() + "'"});
            }
        }
        boolean earlierNever = earlier.frequency().filter("never"::equals).isPresent();
        boolean laterNever = later.frequency().filter("never"::equals).isPresent();
        boolean earlierNeg = earlier.negated() || earlierNever;
        boolean laterNeg = later.negated() || laterNever;
        if (earlierNeg != laterNeg && commonTerms(earlier.subject(), later.subject()) >= 2 && sameSubject(earlier, later, 0.6)
                && plain(earlier) && plain(later) && NegationScope.meets(earlierNeg ? earlier : later, earlierNeg ? later : earlier)) {
            return Optional.of(new String[] {"negation", earlierNeg ? "denied it at turn " + earlier.turn() + ", now affirms it"
                    : "affirmed it at turn " + earlier.turn() + ", now denies it"});
        }
        return Optional.empty();
    }

    /**
     * Whether the answer that made the later claim also says the earlier one again (or another claim that
     * agrees with it): "daily in the first week. Rarely mid-month." qualifies, it does not contradict.
     */
    static boolean heldTogether(Claim earlier, Claim later, List<Claim> answer) {
        for (Claim c : answer) {
            if (c == later) {
                continue;
            }
            if (c.quote().equalsIgnoreCase(earlier.quote()) || c.frequency().isPresent() && c.frequency().equals(earlier.frequency())
                    || c.quantity().isPresent() && c.quantity().equals(earlier.quantity()) && c.unit().equals(earlier.unit())) {
                return true;
            }
        }
        return false;
    }

    // What is read off a claim's sentence is read once per claim (ClaimReading): every new claim meets every earlier one.

    /** A sentence short enough that its negation is about what it says (long ones negate a clause of many). */
    private static boolean plain(Claim c) {
        return ClaimReading.of(c).plain();
    }

    /** Whether the claim is the person's own ("I open it", "we use it"), in the language it was said in. */
    private static boolean firstPerson(Claim c) {
        return ClaimReading.of(c).firstPerson();
    }

    /** Whether two claims were said in one language (else their words cannot meet, and the topic has to do). */
    private static boolean sameLanguage(Claim a, Claim b) {
        String la = ClaimReading.of(a).detected();
        String lb = ClaimReading.of(b).detected();
        return la == null || lb == null || la.equals(lb);
    }

    private static final java.util.regex.Pattern IT = java.util.regex.Pattern.compile("(?i)\\b(it|the app|the tool|the product)\\b");

    /** Whether a claim is about "it": in an interview about one product, the same thing in different words. */
    private static boolean aboutIt(Claim c) {
        return IT.matcher(c.quote()).find();
    }

    /**
     * Whether two numbers count the same thing: the same unit ("12 people", "40 people") and at least
     * one other word in common ("on the team"), however differently the rest is put, or nothing but the
     * unit on one side ("I have two kids").
     */
    static boolean countsSameThing(Claim a, Claim b) {
        if (a.quantity().isEmpty() || b.quantity().isEmpty() || a.unit().isEmpty() || b.unit().isEmpty()) {
            return false;
        }
        String unit = a.unit().get().toLowerCase(java.util.Locale.ROOT);
        String other = b.unit().get().toLowerCase(java.util.Locale.ROOT);
        if (unit.equals("us") && other.equals("us")) {
            return true; // how many we are ("six of us", "somos quince"): one thing, in any language
        }
        if (!unit.equals(other) && !Set.of(unit, other).equals(Set.of("us", "people"))) {
            return false;
        }
        // "nous sommes cinq infirmières" (us) and "nous sommes douze infirmières" (people): the people words must meet.
        String counted = unit.equals("us") ? other : unit;
        Set<String> common = new HashSet<>(a.subject());
        common.retainAll(b.subject());
        java.util.function.Predicate<String> isUnit = term -> counted.startsWith(term) || term.startsWith(counted);
        common.removeIf(isUnit);
        return !common.isEmpty() || a.subject().stream().allMatch(isUnit) || b.subject().stream().allMatch(isUnit);
    }

    static boolean sameSubject(Claim a, Claim b, double threshold) {
        int common = commonTerms(a.subject(), b.subject());
        int smaller = Math.min(a.subject().size(), b.subject().size());
        return common > 0 && (common >= 2 || smaller <= 2) && common / (double) smaller >= threshold;
    }

    /** Distinct terms of {@code a} also in {@code b}. Subjects are a few words, and every new claim meets every earlier one: no sets. */
    private static int commonTerms(List<String> a, List<String> b) {
        int common = 0;
        for (int i = 0; i < a.size(); i++) {
            String term = a.get(i);
            if (a.indexOf(term) == i && b.contains(term)) {
                common++;
            }
        }
        return common;
    }

    /**
     * Terms of {@code a} that begin like one of {@code b} once accents and doubled letters are set aside ("app" and "aplic", "calendar" and
     * "calendrier"): what two languages written in one script share of one subject.
     */
    static int cognates(List<String> a, List<String> b) {
        int n = 0;
        for (String x : a) {
            String fx = fold(x);
            for (String y : b) {
                String fy = fold(y);
                int len = Math.min(4, Math.min(fx.length(), fy.length()));
                if (len >= 2 && fx.regionMatches(0, fy, 0, len)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static String fold(String term) {
        // Accents and doubled letters set aside: "app" and "aplic" (a stemmer's "application") begin alike.
        return java.text.Normalizer.normalize(term, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replaceAll("(.)\\1+", "$1");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
