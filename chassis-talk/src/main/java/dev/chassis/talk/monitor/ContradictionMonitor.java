package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Cues;
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
 * topic, whatever the words. Claims are compared as frames: what they are about, a number or a span of numbers
 * (minutes and hours as one), how often, whether it is denied and what the denial covers, and whether it is told as
 * the past before a change. A model judge, when configured, stands beside it ({@code TalkHarness.Builder.judgeWith}).
 */
public final class ContradictionMonitor implements Monitor {

    @Override
    public String name() {
        return "contradiction";
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(2);
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
            raise(turn.turn(), later, fresh, s.claims(), reported).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The contradiction a new claim raises against the first earlier claim it contradicts, unless the new answer ({@code fresh})
     * says the earlier thing again; each earlier claim at most once per answer ({@code reported}, which this adds to).
     */
    private static Optional<Signal.Contradiction> raise(int turn, Claim later, List<Claim> fresh, List<Claim> earlier, Set<Integer> reported) {
        for (Claim e : earlier) {
            if (e.turn() >= turn || reported.contains(e.turn())) {
                continue;
            }
            Optional<String[]> verdict = compare(e, later).filter(v -> !heldTogether(e, later, fresh));
            if (verdict.isPresent()) {
                reported.add(e.turn());
                return Optional.of(new Signal.Contradiction(turn, NAME, e, later, verdict.get()[0], verdict.get()[1]));
            }
        }
        return Optional.empty();
    }

    private static final String NAME = "contradiction";

    /**
     * The contradictions this monitor would raise over one person's answers, in order, read offline: every
     * answer's claims against the earlier answers' (one topic throughout, which is stricter than a live
     * session, where claims carry the objective they were made under). For measuring precision on real
     * transcripts.
     */
    public static List<Signal.Contradiction> over(List<String> answers, String language) {
        return overExchanges(answers.stream().map(a -> new Exchange("", "", a)).toList(), language);
    }

    /**
     * The contradictions this monitor would raise over one interview's exchanges, in order, read offline as a live session
     * reads them: each answer's claims carry the objective its question was on.
     */
    public static List<Signal.Contradiction> overExchanges(List<Exchange> exchanges, String language) {
        List<Claim> earlier = new ArrayList<>();
        List<Signal.Contradiction> out = new ArrayList<>();
        int turn = 0;
        for (Exchange x : exchanges) {
            turn++;
            List<Claim> fresh = ClaimExtractor.extract(turn, x.answer(), language, x.objective());
            Set<Integer> reported = new HashSet<>();
            for (Claim later : fresh) {
                raise(turn, later, fresh, earlier, reported).ifPresent(out::add);
            }
            earlier.addAll(fresh);
        }
        return out;
    }

    /** The kind of contradiction and an explanation, or empty when the two claims agree or differ in subject. */
    static Optional<String[]> compare(Claim earlier, Claim later) {
        // Not having a thing, then one's own: "most of our orders" is not about others though it begins with them.
        Optional<String[]> owned = toldAsBefore(earlier) == toldAsBefore(later) ? Possession.compare(earlier, later) : Optional.empty();
        if (owned.isPresent()) {
            return owned;
        }
        // Who does a task names another person on purpose: it is compared before claims about others are set apart.
        Optional<String[]> agents = toldAsBefore(earlier) == toldAsBefore(later) ? Compared.agents(earlier, later) : Optional.empty();
        if (agents.isPresent()) {
            return agents;
        }
        if (NegationScope.aboutOthers(earlier) != NegationScope.aboutOthers(later) && !storyOf(earlier, later) && !storyOf(later, earlier)) {
            return Optional.empty(); // "I check it every morning" and "my manager rarely checks anything" are about two people
        }
        if (toldAsBefore(earlier) != toldAsBefore(later)) {
            return Optional.empty(); // "I used to print every invoice" and "now I never print them": a change, told as one
        }
        Optional<String[]> compared = Compared.compare(earlier, later).or(() -> Spans.compare(earlier, later)).or(() -> Roles.compare(earlier, later));
        if (compared.isPresent()) {
            return compared;
        }
        if (earlier.perDay().isPresent() && later.perDay().isPresent() && plain(earlier) && plain(later)) {
            // Two rates in numbers or periods compare as rates: "every day" and "once a week" are seven times apart.
            double a = earlier.perDay().get();
            double b = later.perDay().get();
            // Across a switch of language the words meet only where they begin alike ("app" / "application").
            // A shared word that is only a short verb ("go", "хож") does not make two activities one.
            // Two of the person's habits with the product the interview is about are one whatever the verbs ("Ich nutze die App
            // täglich" / "öffne die App höchstens zweimal im Monat": "App" is too short a word to meet by itself).
            boolean shared = NegationScope.similarTerms(longTerms(earlier.subject()), longTerms(later.subject())) >= 1
                    || !sameLanguage(earlier, later) && cognates(longTerms(earlier.subject()), longTerms(later.subject())) >= 1
                    || aboutProduct(earlier) && aboutProduct(later);
            // Habits of one topic far apart meet whatever their words ("I check the stock levels every morning" / "I look at
            // the inventory maybe once a month"): daily and monthly are not one account of anything the person does there.
            boolean habits = Math.max(a, b) >= RATES_FAR * Math.min(a, b) && earlier.topic().equals(later.topic())
                    && firstPerson(earlier) && firstPerson(later);
            if (Math.max(a, b) >= RATES_APART * Math.min(a, b) && (sameSubject(earlier, later, 0.5) && shared
                    || shared && firstPerson(earlier) && firstPerson(later) || habits)) {
                return Optional.of(new String[] {"frequency", "said '" + rateWords(earlier) + "', now '" + rateWords(later) + "'"});
            }
        }
        // Rates that agree are not read again as levels ("every other day" is not "rarely"); rates far apart whose subjects
        // the rate rule could not match still meet the level rule ("I open it every day" / "I rarely use it, once a week").
        boolean rates = earlier.perDay().isPresent() && later.perDay().isPresent()
                && Math.max(earlier.perDay().get(), later.perDay().get()) < RATES_APART * Math.min(earlier.perDay().get(), later.perDay().get());
        if (!rates && earlier.frequency().isPresent() && later.frequency().isPresent()
                && Math.abs(ClaimExtractor.frequencyLevel(earlier.frequency().get()) - ClaimExtractor.frequencyLevel(later.frequency().get())) >= 3
                && plain(earlier) && plain(later) && (sameLanguage(earlier, later)
                        ? commonTerms(longTerms(earlier.subject()), longTerms(later.subject())) >= 1 || aboutIt(earlier) && aboutIt(later) && firstPerson(earlier) && firstPerson(later)
                        : earlier.topic().equals(later.topic()) || (cognates(earlier.subject(), later.subject()) >= 1 || aboutProduct(earlier) && aboutProduct(later))
                                && firstPerson(earlier) && firstPerson(later))) {
            // Where it was said (the objective) does not matter: people say how often anywhere in an interview.
            // Opposite ends of the frequency scale on the same topic need clarifying even in different words.
            return Optional.of(new String[] {"frequency", "said '" + earlier.frequency().get() + "', now '" + later.frequency().get() + "'"});
        }
        boolean counted = countsSameThing(earlier, later) && !Durations.startAgainstDuration(earlier, later);
        boolean sameCount = counted && (earlier.unit().equals(later.unit()) && earlier.unit().filter("us"::equals).isPresent()
                || sameSubject(earlier, later, 0.5) || plain(earlier) && plain(later) && commonTerms(earlier.subject(), later.subject()) >= 2
                || spans(earlier, later) && plain(earlier) && plain(later) && firstPerson(earlier) && firstPerson(later) && Spans.ofOneThing(earlier, later)
                // One thing counted by both, named right after each number ("25 drivers" / "just four drivers, including me"):
                // the thing is what the two share; the rest of the words are the person's way of telling it.
                || things(earlier, later) && plain(earlier) && plain(later) && own(earlier) && own(later));
        // How long one thing took, told with two verbs ("the audit took two days" / "we spent three weeks on the audit"): only far apart.
        boolean sameDuration = !sameCount && counted && Durations.ofOneThing(earlier, later);
        if (sameCount || sameDuration) {
            // A span told in two units ("for fifteen years" / "six months ago") shares little else than what it was spent on.
            // Compared as spans in one unit: "between 20 and 30 minutes" holds "about 25", not "nearly two hours".
            double scaleA = scale(earlier.unit().get());
            double scaleB = scale(later.unit().get());
            double lowA = earlier.quantity().get() * scaleA;
            double highA = earlier.upTo().orElse(earlier.quantity().get()) * scaleA;
            double lowB = later.quantity().get() * scaleB;
            double highB = later.upTo().orElse(later.quantity().get()) * scaleB;
            double gap = Math.max(lowB - highA, lowA - highB);
            boolean apart = sameCount || Math.max(highA, highB) >= Durations.APART * Math.max(1e-9, Math.min(highA, highB));
            if (gap / Math.max(1, Math.max(highA, highB)) > 0.25 && apart) {
                return Optional.of(new String[] {"number", "said " + span(earlier) + " at turn " + earlier.turn() + ", now " + span(later)});
            }
        }
        Optional<String[]> tools = Exclusive.compare(earlier, later);
        if (tools.isPresent()) {
            return tools;
        }
        if (!sameSubject(earlier, later, 0.5)) {
            return Optional.empty();
        }
        // Two years that date two counts ("last year we had ten drivers" / "this year we have four") tell a change, not two
        // accounts of when one thing happened; the counts were compared above.
        // Years named by their distance from this one ("this year it was..." / "last year our campaign...") set two years side
        // by side on purpose: only years told as numbers are two accounts of one date.
        if (earlier.year().isPresent() && later.year().isPresent() && !earlier.year().equals(later.year())
                && (earlier.quantity().isEmpty() || later.quantity().isEmpty()) && inDigits(earlier) && inDigits(later)) {
            return Optional.of(new String[] {"time", "said " + earlier.year().get() + ", now " + later.year().get()});
        }
        if (!rates && earlier.frequency().isPresent() && later.frequency().isPresent()) {
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
        Claim negative = earlierNeg ? earlier : later;
        Claim other = earlierNeg ? later : earlier;
        if (earlierNeg != laterNeg && NegationScope.similarTerms(earlier.subject(), later.subject()) >= 2
                && (sameSubject(earlier, later, 0.6) || story(negative, other))
                && plain(negative) && (plain(other) || story(negative, other)) && !NegationScope.nearly(other) && NegationScope.meets(negative, other)) {
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
    static boolean plain(Claim c) {
        return ClaimReading.of(c).plain();
    }

    /**
     * A "never" against a time the person tells of doing it ("I've never missed a handover" / "last week I missed the
     * handover because..."): a story runs longer than a plain sentence, but it is the person's own and says the very thing.
     */
    private static boolean story(Claim never, Claim told) {
        // A story tells a time it happened, not a habit ("sometimes I take part in..." is not a story).
        return never.frequency().filter("never"::equals).isPresent() && !told.negated() && told.frequency().isEmpty() && !NegationScope.nearly(told)
                && told.quote().split("\\s+").length <= STORY_WORDS && simple(never);
    }

    /** One short clause: a "never" with a "but" or a second clause is about a part of what it names ("never to draft it, but..."). */
    private static boolean simple(Claim c) {
        String q = c.quote().strip().replaceAll("[.!。！]+$", "");
        return q.split("\\s+").length <= SIMPLE_WORDS && !CLAUSE_BREAK.matcher(q).find();
    }

    private static final int SIMPLE_WORDS = 12;
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[,;:–—、，]| - ");

    /**
     * Whether {@code told} tells of the very event {@code never} denies, with the same other person in both ("I've never had
     * a customer complain" / "one customer complained loudly"): then naming someone else does not make it another's claim.
     */
    private static boolean storyOf(Claim never, Claim told) {
        return story(never, told) && !NegationScope.aboutOthers(never) && NegationScope.othersNamedIn(told, never);
    }

    private static final int STORY_WORDS = 40;

    /** How far apart (a factor) two rates are when they contradict: daily and weekly are, twice and three times a week not. */
    private static final double RATES_APART = 4;
    /** How far apart two of the person's rates on one topic are when they contradict whatever their words: daily and monthly. */
    private static final double RATES_FAR = 20;

    private static String rateWords(Claim c) {
        double d = c.perDay().get();
        return d >= 1 ? fmt(Math.round(d * 10) / 10.0) + " a day" : d * 7 >= 1 ? fmt(Math.round(d * 70) / 10.0) + " a week"
                : fmt(Math.round(d * 300) / 10.0) + " a month";
    }

    /** Whether both numbers are spans of time or both durations, in units that are not the same word. */
    static boolean spans(Claim a, Claim b) {
        String ka = unitKind(a.unit().orElse(""));
        return (ka.equals("span") || ka.equals("minute")) && ka.equals(unitKind(b.unit().orElse("")));
    }

    /** Whether the claim's year is written as a number in its sentence ("in 2019"), not named ("last year", "去年"). */
    private static boolean inDigits(Claim c) {
        return c.quote().contains(Integer.toString(c.year().get()));
    }

    /** Whether both numbers count a thing named right after them ({@link ClaimExtractor#THING}). */
    private static boolean things(Claim a, Claim b) {
        return a.unit().filter(u -> u.startsWith(ClaimExtractor.THING)).isPresent() && b.unit().filter(u -> u.startsWith(ClaimExtractor.THING)).isPresent();
    }

    /** The person's own and about no one else. */
    private static boolean own(Claim c) {
        ClaimReading r = ClaimReading.of(c);
        return r.firstPerson() && !r.aboutOthers();
    }

    /** Whether a claim is told as the past before a change ("I used to...", "avant, je..."), in its own language. */
    private static boolean toldAsBefore(Claim c) {
        return ClaimReading.of(c).toldAsBefore();
    }

    /**
     * Minutes and hours are one duration counted in two units, and days, weeks, months and years one span ("for fifteen
     * years" / "six months ago"); other units stand as they are.
     */
    private static double scale(String unit) {
        return switch (unit) {
            case "hour" -> 60;
            case "week" -> 7;
            case "month" -> 30;
            case "year" -> 365;
            default -> 1;
        };
    }

    private static String unitKind(String unit) {
        return unit.equals("hour") ? "minute" : Rates.SPANS.contains(unit) ? "span" : unit;
    }

    private static String span(Claim c) {
        // "us" is the kind of a group one belongs to ("we are 12"): a researcher reads it as people
        return fmt(c.quantity().get()) + c.upTo().map(h -> "-" + fmt(h)).orElse("")
                + c.unit().map(u -> " " + (u.equals("us") ? "people" : u)).orElse("");
    }

    private static List<String> longTerms(List<String> terms) {
        return terms.stream().filter(t -> t.length() >= LONG_TERM).toList();
    }

    private static final int LONG_TERM = 4;

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

    /** Whether a claim is about "it" or the product: in an interview about one product, the same thing in different words. */
    private static boolean aboutIt(Claim c) {
        return IT.matcher(c.quote()).find() || aboutProduct(c);
    }

    /** Whether a claim names the product by a word for it ("the app", "le logiciel", "アプリ"), not by "it" alone. */
    private static boolean aboutProduct(Claim c) {
        return ClaimReading.of(c).product();
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
        String unit = unitKind(a.unit().get().toLowerCase(java.util.Locale.ROOT));
        String other = unitKind(b.unit().get().toLowerCase(java.util.Locale.ROOT));
        if (a.perDay().isPresent() != b.perDay().isPresent()) {
            return false; // how many there are and how many come each week ("doscientos clientes" / "cada semana cincuenta nuevos")
        }
        if (unit.startsWith(ClaimExtractor.THING) && other.startsWith(ClaimExtractor.THING)) {
            // "cinco camiones" / "veinte camiones": the thing counted is named by both; "last year we had ten drivers" is then.
            return sameThing(unit, other) && !dated(a, unit) && !dated(b, other);
        }
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
        // A span counts in days, weeks, months or years: those words are its unit too, not what it counts.
        Set<String> units = new HashSet<>(Set.of(counted));
        if (counted.equals("span") || counted.equals("minute")) {
            units.addAll(List.of(a.unit().get(), b.unit().get()));
        }
        // Where a count takes a counter (ja, zh), the one-character unit words of that kind are counters ("人", "名" for people),
        // not what is counted: "夜勤の看護師は三人" and "日勤は八人" share only the counter.
        Cues cues = Cues.of(NegationScope.language(a));
        if (cues.unspaced()) {
            cues.units().stream().filter(u -> units.contains(u.getValue()) && u.getKey().length() == 1).map(java.util.Map.Entry::getKey).forEach(units::add);
        }
        java.util.function.Predicate<String> isUnit = term -> units.stream().anyMatch(u -> u.startsWith(term) || term.startsWith(u));
        common.removeIf(isUnit);
        return !common.isEmpty() || a.subject().stream().allMatch(isUnit) || b.subject().stream().allMatch(isUnit);
    }

    /**
     * Two counted things are one when their stems are ("parcel"), and their periods agree or one says none ("500 parcels a
     * day" / "on a normal day about 50 parcels"); "10 invoices a day" and "40 invoices a week" are not compared.
     */
    private static boolean sameThing(String a, String b) {
        String[] x = a.substring(ClaimExtractor.THING.length()).split("/", 2);
        String[] y = b.substring(ClaimExtractor.THING.length()).split("/", 2);
        return NegationScope.similar(x[0], y[0]) && (x.length == 1 || y.length == 1 || x[1].equals(y[1]));
    }

    /** Whether a count is told of a year ("in 2019", "last year", "this year") other than as its period ("a year"). */
    private static boolean dated(Claim c, String unit) {
        if (c.year().isPresent()) {
            return true;
        }
        if (unit.endsWith("/year")) {
            return false;
        }
        Cues cues = Cues.of(NegationScope.language(c));
        String lower = Cues.lower(c.quote());
        return cues.units().stream().anyMatch(u -> u.getValue().equals("year") && cues.find(lower, u.getKey()) >= 0);
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
            if (b.contains(term) && !before(a, i, term)) {
                common++;
            }
        }
        return common;
    }

    /** Whether {@code term} is among the first {@code i} of {@code terms}: {@code indexOf(term) < i} without reading past i. */
    private static boolean before(List<String> terms, int i, String term) {
        for (int j = 0; j < i; j++) {
            if (terms.get(j).equals(term)) {
                return true;
            }
        }
        return false;
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
