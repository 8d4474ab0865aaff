package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import java.util.Optional;

/**
 * Whether two claims contradict, and how: the rules in the order they are tried (whose a thing is, who does a task, whether
 * either is about someone else or told as before a change, comparisons, spans and roles, rates, frequency levels, counts and
 * durations, exclusive tools, years, negation). What the claims are about is read by {@link Subjects}, what their numbers
 * count by {@link Counts}.
 */
final class Verdict {

    private Verdict() { }

    /** The kind of contradiction and an explanation, or empty when the two claims agree or differ in subject. */
    static Optional<String[]> compare(Claim earlier, Claim later) {
        // Not having a thing, then one's own: "most of our orders" is not about others though it begins with them.
        Optional<String[]> owned = Subjects.toldAsBefore(earlier) == Subjects.toldAsBefore(later) ? Possession.compare(earlier, later) : Optional.empty();
        if (owned.isPresent()) {
            return owned;
        }
        // Who does a task names another person on purpose: it is compared before claims about others are set apart.
        Optional<String[]> agents = Subjects.toldAsBefore(earlier) == Subjects.toldAsBefore(later) ? Agents.compare(earlier, later) : Optional.empty();
        if (agents.isPresent()) {
            return agents;
        }
        if (NegationScope.aboutOthers(earlier) != NegationScope.aboutOthers(later) && !storyOf(earlier, later) && !storyOf(later, earlier)) {
            return Optional.empty(); // "I check it every morning" and "my manager rarely checks anything" are about two people
        }
        if (Subjects.toldAsBefore(earlier) != Subjects.toldAsBefore(later)) {
            return Optional.empty(); // "I used to print every invoice" and "now I never print them": a change, told as one
        }
        Optional<String[]> compared = Compared.compare(earlier, later).or(() -> Spans.compare(earlier, later)).or(() -> Roles.compare(earlier, later))
                .or(() -> Staff.compare(earlier, later));
        if (compared.isPresent()) {
            return compared;
        }
        if (earlier.perDay().isPresent() && later.perDay().isPresent() && Subjects.plain(earlier) && Subjects.plain(later)) {
            // Two rates in numbers or periods compare as rates: "every day" and "once a week" are seven times apart.
            double a = earlier.perDay().get();
            double b = later.perDay().get();
            // Across a switch of language the words meet only where they begin alike ("app" / "application").
            // A shared word that is only a short verb ("go", "хож") does not make two activities one.
            // Two of the person's habits with the product the interview is about are one whatever the verbs ("Ich nutze die App
            // täglich" / "öffne die App höchstens zweimal im Monat": "App" is too short a word to meet by itself).
            boolean shared = NegationScope.similarTerms(Subjects.longTerms(earlier.subject()), Subjects.longTerms(later.subject())) >= 1
                    || !Subjects.sameLanguage(earlier, later) && Subjects.cognates(Subjects.longTerms(earlier.subject()), Subjects.longTerms(later.subject())) >= 1
                    || Subjects.aboutProduct(earlier) && Subjects.aboutProduct(later);
            // Habits of one topic far apart meet whatever their words ("I check the stock levels every morning" / "I look at
            // the inventory maybe once a month"): daily and monthly are not one account of anything the person does there.
            boolean habits = Math.max(a, b) >= RATES_FAR * Math.min(a, b) && earlier.topic().equals(later.topic())
                    && Subjects.firstPerson(earlier) && Subjects.firstPerson(later);
            if (Math.max(a, b) >= RATES_APART * Math.min(a, b) && (Subjects.sameSubject(earlier, later, 0.5) && shared
                    || shared && Subjects.firstPerson(earlier) && Subjects.firstPerson(later) || habits)) {
                return Optional.of(new String[] {"frequency", "said '" + rateWords(earlier) + "', now '" + rateWords(later) + "'"});
            }
        }
        // Rates that agree are not read again as levels ("every other day" is not "rarely"); rates far apart whose subjects
        // the rate rule could not match still meet the level rule ("I open it every day" / "I rarely use it, once a week").
        boolean rates = earlier.perDay().isPresent() && later.perDay().isPresent()
                && Math.max(earlier.perDay().get(), later.perDay().get()) < RATES_APART * Math.min(earlier.perDay().get(), later.perDay().get());
        // A habit less often in a part of the week or year is the other's exception ("Le week-end, je ne prends jamais le train").
        boolean exception = Limits.exception(earlier, later);
        if (!rates && !exception && earlier.frequency().isPresent() && later.frequency().isPresent()
                && Math.abs(ClaimExtractor.frequencyLevel(earlier.frequency().get()) - ClaimExtractor.frequencyLevel(later.frequency().get())) >= 3
                && Subjects.plain(earlier) && Subjects.plain(later) && (Subjects.sameLanguage(earlier, later)
                        ? Subjects.commonTerms(Subjects.longTerms(earlier.subject()), Subjects.longTerms(later.subject())) >= 1 || Subjects.aboutIt(earlier) && Subjects.aboutIt(later) && Subjects.firstPerson(earlier) && Subjects.firstPerson(later)
                        : earlier.topic().equals(later.topic()) || (Subjects.cognates(earlier.subject(), later.subject()) >= 1 || Subjects.aboutProduct(earlier) && Subjects.aboutProduct(later))
                                && Subjects.firstPerson(earlier) && Subjects.firstPerson(later))) {
            // Where it was said (the objective) does not matter: people say how often anywhere in an interview.
            // Opposite ends of the frequency scale on the same topic need clarifying even in different words.
            return Optional.of(new String[] {"frequency", "said '" + earlier.frequency().get() + "', now '" + later.frequency().get() + "'"});
        }
        // Two numbers both denied ("for three days we couldn't make soup" / "soup can't be made in one day") say what did not
        // happen or cannot: neither is an account of how many, so they do not contradict each other.
        // Nor does a count of a part of the week or year ("Los sábados somos doce") account for the count of all of it ("Somos ocho").
        boolean counted = Counts.countsSameThing(earlier, later) && !Durations.startAgainstDuration(earlier, later)
                && !(earlier.negated() && later.negated()) && !Limits.apart(earlier, later);
        boolean sameCount = counted && (earlier.unit().equals(later.unit()) && earlier.unit().filter("us"::equals).isPresent()
                || Subjects.sameSubject(earlier, later, 0.5) || Subjects.plain(earlier) && Subjects.plain(later) && Subjects.commonTerms(earlier.subject(), later.subject()) >= 2
                || Counts.spans(earlier, later) && Subjects.plain(earlier) && Subjects.plain(later) && Subjects.firstPerson(earlier) && Subjects.firstPerson(later) && Spans.ofOneThing(earlier, later)
                // One thing counted by both, named right after each number ("25 drivers" / "just four drivers, including me"):
                // the thing is what the two share; the rest of the words are the person's way of telling it.
                || Counts.things(earlier, later) && Subjects.plain(earlier) && Subjects.plain(later) && Subjects.own(earlier) && Subjects.own(later)
                // How many we are and how many people work there, of one place ("En el restaurante trabajamos ocho personas" /
                // "Aquí en el restaurante somos solo tres"): one headcount, the place met in both (countsSameThing).
                || Counts.headcount(earlier, later) && Subjects.plain(earlier) && Subjects.plain(later) && Subjects.own(earlier) && Subjects.own(later));
        // How long one thing took, told with two verbs ("the audit took two days" / "we spent three weeks on the audit"): only far apart.
        boolean sameDuration = !sameCount && counted && Durations.ofOneThing(earlier, later);
        if (sameCount || sameDuration) {
            // A span told in two units ("for fifteen years" / "six months ago") shares little else than what it was spent on.
            // Compared as spans in one unit: "between 20 and 30 minutes" holds "about 25", not "nearly two hours".
            double scaleA = Counts.scale(earlier.unit().get());
            double scaleB = Counts.scale(later.unit().get());
            double lowA = earlier.quantity().get() * scaleA;
            double highA = earlier.upTo().orElse(earlier.quantity().get()) * scaleA;
            double lowB = later.quantity().get() * scaleB;
            double highB = later.upTo().orElse(later.quantity().get()) * scaleB;
            double gap = Math.max(lowB - highA, lowA - highB);
            boolean apart = sameCount || Math.max(highA, highB) >= Durations.APART * Math.max(1e-9, Math.min(highA, highB));
            if (gap / Math.max(1, Math.max(highA, highB)) > 0.25 && apart) {
                return Optional.of(new String[] {"number", "said " + Counts.span(earlier) + " at turn " + earlier.turn() + ", now " + Counts.span(later)});
            }
        }
        Optional<String[]> tools = Exclusive.compare(earlier, later).or(() -> DeniedName.compare(earlier, later));
        if (tools.isPresent()) {
            return tools;
        }
        if (!Subjects.sameSubject(earlier, later, 0.5)) {
            return Optional.empty();
        }
        // Two years that date two counts ("last year we had ten drivers" / "this year we have four") tell a change, not two
        // accounts of when one thing happened; the counts were compared above.
        // Years named by their distance from this one ("this year it was..." / "last year our campaign...") set two years side
        // by side on purpose: only years told as numbers are two accounts of one date.
        // Two starts told to within a year of each other ("since 2014" / "since 2015, more or less") are one account ({@link Spans}).
        if (earlier.year().isPresent() && later.year().isPresent() && !earlier.year().equals(later.year())
                && (earlier.quantity().isEmpty() || later.quantity().isEmpty()) && inDigits(earlier) && inDigits(later) && !Spans.oneAccount(earlier, later)) {
            return Optional.of(new String[] {"time", "said " + earlier.year().get() + ", now " + later.year().get()});
        }
        if (!rates && !exception && earlier.frequency().isPresent() && later.frequency().isPresent()) {
            int a = ClaimExtractor.frequencyLevel(earlier.frequency().get());
            int b = ClaimExtractor.frequencyLevel(later.frequency().get());
            if (Math.abs(a - b) >= 2 && Subjects.sameSubject(earlier, later, 0.6)) {
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
                && (Subjects.sameSubject(earlier, later, 0.6) || story(negative, other))
                && Subjects.plain(negative) && (Subjects.plain(other) || story(negative, other)) && !NegationScope.nearly(other) && NegationScope.meets(negative, other)) {
            return Optional.of(new String[] {"negation", earlierNeg ? "denied it at turn " + earlier.turn() + ", now affirms it"
                    : "affirmed it at turn " + earlier.turn() + ", now denies it"});
        }
        return Optional.empty();
    }

    /**
     * A "never" against a time the person tells of doing it ("I've never missed a handover" / "last week I missed the
     * handover because..."): a story runs longer than a plain sentence, but it is the person's own and says the very thing.
     */
    private static boolean story(Claim never, Claim told) {
        // A story tells a time it happened, not a habit ("sometimes I take part in..." is not a story).
        return never.frequency().filter("never"::equals).isPresent() && !told.negated() && told.frequency().isEmpty() && !NegationScope.nearly(told)
                && SPACES.split(told.quote()).length <= STORY_WORDS && simple(never);
    }

    /** One short clause: a "never" with a "but" or a second clause is about a part of what it names ("never to draft it, but..."). */
    private static boolean simple(Claim c) {
        String q = FINAL_STOPS.matcher(c.quote().strip()).replaceAll("");
        return SPACES.split(q).length <= SIMPLE_WORDS && !CLAUSE_BREAK.matcher(q).find();
    }

    private static final int SIMPLE_WORDS = 12;
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile("[,;:–—、，]| - ");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern FINAL_STOPS = java.util.regex.Pattern.compile("[.!。！]+$");

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
        return d >= 1 ? Counts.fmt(Math.round(d * 10) / 10.0) + " a day" : d * 7 >= 1 ? Counts.fmt(Math.round(d * 70) / 10.0) + " a week"
                : Counts.fmt(Math.round(d * 300) / 10.0) + " a month";
    }

    /** Whether the claim's year is written as a number in its sentence ("in 2019"), not named ("last year", "去年"). */
    private static boolean inDigits(Claim c) {
        return c.quote().contains(Integer.toString(c.year().get()));
    }
}
