package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the person has done something against when it began: "I've been running this bakery for twenty years" and "we
 * only opened in 2021", "Ich bin seit 25 Jahren Lehrerin" and "Ich habe 2021 als Lehrerin angefangen". Both are read as
 * one value, the year it began (a span of years counted back from this year; a year beside a word of beginning, the
 * language's {@link Frames#start}), whatever the words, so a span and a start compare as two starts. They are one thing
 * when a content word meets, or when the start names nothing but its beginning ("we opened in 2021": the business the
 * interview is about). How long one task took ({@link Frames#took}) is not a start.
 */
final class Spans {

    /** Two starts contradict when one span is at least this many times the other... */
    private static final double APART = 2;
    /** ...and they are this many years apart at least: "for about four years" and "since 2021" are one account. */
    private static final int YEARS_APART = 3;
    private static final Pattern CLAUSE = Pattern.compile("[,;:–—]| - ");

    private Spans() {
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        Optional<String[]> one = compare(earlier, later, earlier.turn());
        return one.isPresent() ? one : compare(later, earlier, earlier.turn());
    }

    private static Optional<String[]> compare(Claim span, Claim start, int earlierTurn) {
        Optional<Double> years = yearsBack(span);
        Optional<Integer> began = startYear(start);
        if (years.isEmpty() || began.isEmpty() || !own(span) || !own(start)) {
            return Optional.empty();
        }
        double told = years.get();
        double since = Year.now().getValue() - began.get();
        if (since < 0 || Math.abs(told - since) < YEARS_APART || Math.max(told, since) < APART * Math.max(0.5, Math.min(told, since))) {
            return Optional.empty();
        }
        if (!oneThing(span, start)) {
            return Optional.empty();
        }
        String a = span.turn() == earlierTurn ? span.quote() : start.quote();
        String b = span.turn() == earlierTurn ? start.quote() : span.quote();
        return Optional.of(new String[] {"span", "said '" + a + "' at turn " + earlierTurn + ", now '" + b + "'"});
    }

    /** The years a span counts back ("for twenty years", "depuis trente ans", "há dezoito anos"): not how long a task took. */
    private static Optional<Double> yearsBack(Claim c) {
        if (c.quantity().isEmpty() || !c.unit().filter(u -> u.equals("year") || u.equals("month")).isPresent() || c.year().isPresent()
                || c.negated() || Durations.carries(c)) {
            return Optional.empty();
        }
        double n = c.quantity().get();
        return switch (c.unit().get()) {
            case "year" -> Durations.pointInTime(c) && !Durations.said(c, Frames::start) ? Optional.empty() : Optional.of(n);
            case "month" -> Durations.pointInTime(c) && !Durations.said(c, Frames::start) ? Optional.empty() : Optional.of(n / 12);
            default -> Optional.empty();
        };
    }

    /** The year something began: a year beside a word of beginning ("opened in 2021", "seit 2019", "desde 2023"). */
    private static Optional<Integer> startYear(Claim c) {
        return c.year().isPresent() && !c.negated() && Durations.said(c, Frames::start) ? c.year() : Optional.empty();
    }

    /** The person's own, not someone else's: "my sister opened her shop in 2021" is hers. */
    private static boolean own(Claim c) {
        ClaimReading r = ClaimReading.of(c);
        return r.firstPerson() && !r.aboutOthers() && r.plain();
    }

    /**
     * Whether the span and the start are of one thing: a content word met on both sides (numbers, units and words of
     * beginning set aside), or a start that names nothing beyond its beginning in its clause ("we only opened in 2021").
     */
    private static boolean oneThing(Claim span, Claim start) {
        List<String> a = Durations.thing(span, Spans::frameWords);
        List<String> b = Durations.thing(start, Spans::frameWords);
        if (a.stream().anyMatch(t -> b.stream().anyMatch(o -> NegationScope.similar(t, o)))) {
            return true;
        }
        String language = NegationScope.language(start);
        String lower = Cues.lower(start.quote());
        String year = Integer.toString(start.year().get());
        String clause = CLAUSE.splitAsStream(lower).filter(s -> s.contains(year)).findFirst().orElse(lower);
        return Durations.thing(clause, language, Spans::frameWords).isEmpty();
    }

    /**
     * Whether two spans of the person's own are of one thing: a content word met, or one names nothing but its span ("about
     * twenty-five years now"). "我做这行已经十五年了" and "这个系统我们用了两年" are two things, fifteen and two years long.
     */
    static boolean ofOneThing(Claim a, Claim b) {
        List<String> x = Durations.thing(a, Spans::frameWords);
        List<String> y = Durations.thing(b, Spans::frameWords);
        return x.isEmpty() || y.isEmpty() || x.stream().anyMatch(t -> y.stream().anyMatch(o -> NegationScope.similar(t, o)));
    }

    /** Words that frame a span or a start and say nothing of what it is of. */
    private static List<String> frameWords(Frames f) {
        return Stream.of(f.start(), f.ago(), f.took(), f.merely(), f.copula(), yearWords(f)).flatMap(List::stream).toList();
    }

    /** The words of the phrases that name a year by its distance from this one ("letztes jahr"): frame words one by one. */
    private static List<String> yearWords(Frames f) {
        return f.years().keySet().stream().flatMap(y -> Stream.of(y.split("\\s+"))).toList();
    }
}
