package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * When something began, told two ways: "I've been running this bakery for twenty years" and "we only opened in 2021", "I've
 * taught here since 2012" and "I only started teaching here last autumn", "seit etwa einem Jahr" and "erst seit letztem
 * Monat". Each is read as the years before now it began within ({@link Begun}), as precise as it was told: a span counted
 * back ("for about fifteen years") within a share of itself either way, a year in digits to within a year, a month or a
 * season just past (the language's {@link Frames#recent}) within the months it can lie back. Two that cannot meet
 * contradict: a month against a year does, 2015 against 2016 does not. A span against a start is of one thing when a
 * content word meets or the start names nothing but its beginning ("we opened in 2021": the business the interview is
 * about); two starts when what one began is all said in the other. How long one task took ({@link Frames#took}) is not a
 * start.
 */
final class Spans {

    // Compiled once: String.split compiled them on every call, for every pair of claims.
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}'’]+");
    private static final java.util.regex.Pattern WORD_END = java.util.regex.Pattern.compile("[\\s,.;:!?。、]");

    /** A span told counts back this share of itself at least ("for about a year": seven months)... */
    private static final double SPAN_LOW = 0.6;
    /** ...and this share at most ("for about a year": eighteen months; "fifteen years": 22). */
    private static final double SPAN_HIGH = 1.5;
    /** A year in digits is told to within this much either side of the year itself: starts a year apart are one account. */
    private static final double YEAR_SLACK = 0.5;
    private static final Pattern CLAUSE = Pattern.compile("[,;:–—]| - ");
    private static final Pattern DIGITS = Pattern.compile("\\d{4}");

    private Spans() {
    }

    /**
     * When something began, as the years before now it lies within.
     *
     * @param span whether it was told as how long ("for twenty years"), not as when ("since 2012", "last spring")
     */
    record Begun(double low, double high, boolean span) {

        boolean meets(Begun other) {
            return low <= other.high && other.low <= high;
        }
    }

    static Optional<String[]> compare(Claim earlier, Claim later) {
        Optional<Begun> a = begun(earlier);
        Optional<Begun> b = begun(later);
        if (a.isEmpty() || b.isEmpty() || a.get().span() && b.get().span() || a.get().meets(b.get()) || !own(earlier) || !own(later)) {
            return Optional.empty();
        }
        boolean one = a.get().span() ? oneThing(earlier, later) : b.get().span() ? oneThing(later, earlier) : sameStart(earlier, later);
        return one ? Optional.of(new String[] {"span", "said '" + earlier.quote() + "' at turn " + earlier.turn() + ", now '" + later.quote() + "'"})
                : Optional.empty();
    }

    /** Whether both claims tell when something began and the two can meet: "since 2014" and "since 2015, more or less". */
    static boolean oneAccount(Claim a, Claim b) {
        Optional<Begun> x = begun(a);
        Optional<Begun> y = begun(b);
        return x.isPresent() && y.isPresent() && x.get().meets(y.get());
    }

    /** When the claim says something began: a span counted back, or a start (a year, a month or season just past). */
    static Optional<Begun> begun(Claim c) {
        Optional<Double> years = yearsBack(c);
        if (years.isPresent()) {
            return Optional.of(new Begun(years.get() * SPAN_LOW, years.get() * SPAN_HIGH, true));
        }
        return startOf(c);
    }

    /** The years a span counts back ("for twenty years", "depuis trente ans", "for about a year"): not how long a task took. */
    private static Optional<Double> yearsBack(Claim c) {
        return ClaimReading.kept(c, ClaimReading.YEARS_BACK, Spans::readYearsBack);
    }

    /** {@link #yearsBack} read off the claim, once per claim ({@link ClaimReading#kept}). */
    private static Optional<Double> readYearsBack(Claim c) {
        if (c.year().isPresent() || c.negated() || Durations.carries(c)) {
            return Optional.empty();
        }
        Optional<String> unit = c.unit().filter(u -> u.equals("year") || u.equals("month"));
        Optional<Double> n = unit.isPresent() ? c.quantity() : Optional.empty();
        if (c.quantity().isEmpty()) {
            unit = oneOf(c);
            n = unit.map(u -> 1.0);
        }
        if (n.isEmpty() || Durations.pointInTime(c) && !Durations.said(c, Frames::start)) {
            return Optional.empty();
        }
        return Optional.of(unit.get().equals("year") ? n.get() : n.get() / 12);
    }

    /** A span of one year or one month told with the article ("for about a year", "seit einem Monat"): its unit. */
    private static Optional<String> oneOf(Claim c) {
        String lower = Cues.lower(c.quote());
        for (String language : Durations.languages(c)) {
            Cues cues = Cues.of(language);
            List<String> one = Frames.of(language).one();
            String[] words = NOT_LETTERS.split(lower);
            for (int i = 0; i + 1 < words.length; i++) {
                String next = words[i + 1];
                if (one.contains(words[i])) {
                    Optional<String> unit = cues.units().stream().filter(u -> u.getKey().equals(next)).map(java.util.Map.Entry::getValue)
                            .filter(u -> u.equals("year") || u.equals("month")).findFirst();
                    if (unit.isPresent()) {
                        return unit;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * When something began, told as when: a year beside a word of beginning ("opened in 2021", "seit 2019", "od 2010 roku",
     * "2014年から"), or a month or a season just past ("last month", "letzten Sommer", "先月").
     */
    private static Optional<Begun> startOf(Claim c) {
        if (c.year().isEmpty() || c.negated() || !Durations.said(c, Frames::start) && !besideSince(c)) {
            return Optional.empty();
        }
        int year = c.year().get();
        double now = now();
        if (!c.quote().contains(Integer.toString(year))) {
            Optional<Integer> months = recent(c);
            if (months.isPresent()) {
                return Optional.of(new Begun(0, months.get() / 12.0, false));
            }
        }
        double low = now - (year + 1) - YEAR_SLACK;
        double high = now - year + YEAR_SLACK;
        return high < 0 ? Optional.empty() : Optional.of(new Begun(Math.max(0, low), high, false));
    }

    /** Now as a year and its fraction gone (December 2026 is 2026.9). */
    private static double now() {
        java.time.LocalDate today = java.time.LocalDate.now();
        return today.getYear() + (today.getDayOfYear() - 1) / (double) today.lengthOfYear();
    }

    /** How many months back the month or season just past the claim names lies at most ({@link Frames#recent}), if it names one. */
    private static Optional<Integer> recent(Claim c) {
        String lower = Cues.lower(c.quote());
        for (String language : Durations.languages(c)) {
            Cues cues = Cues.of(language);
            Optional<java.util.Map.Entry<String, Integer>> found = Frames.of(language).recent().entrySet().stream()
                    .filter(e -> cues.find(lower, e.getKey()) >= 0).max(java.util.Comparator.comparingInt(e -> e.getKey().length()));
            if (found.isPresent()) {
                return Optional.of(found.get().getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a word of {@link Frames#since} stands right beside the claim's year: before the year or the phrase naming it
     * ("od 2010", "с прошлой весны"), or after the year and its unit ("2015 से", "2014年から", "2012 года" is before).
     */
    private static boolean besideSince(Claim c) {
        String lower = Cues.lower(c.quote());
        for (String language : Durations.languages(c)) {
            Frames f = Frames.of(language);
            Cues cues = Cues.of(language);
            if (f.since().isEmpty()) {
                continue;
            }
            java.util.regex.Matcher digits = DIGITS.matcher(lower);
            Stream<int[]> places = digits.results().filter(m -> m.group().equals(Integer.toString(c.year().get()))).map(m -> new int[] {m.start(), m.end()});
            List<int[]> at = Stream.concat(places, Frames.of(language).years().keySet().stream().map(k -> {
                int i = cues.find(lower, k);
                return i < 0 ? null : new int[] {i, i + k.length()};
            }).filter(java.util.Objects::nonNull)).toList();
            for (int[] p : at) {
                String before = lower.substring(0, p[0]).strip();
                String after = lower.substring(p[1]).strip();
                // The year's own unit after its digits ("roku", "года", "年", "साल") before the word of beginning.
                for (var u : cues.units()) {
                    if (u.getValue().equals("year") && after.startsWith(u.getKey()) && (cues.unspaced() || after.length() == u.getKey().length()
                            || !Character.isLetter(after.charAt(u.getKey().length())))) {
                        after = after.substring(u.getKey().length()).strip();
                        break;
                    }
                }
                String last = before.isEmpty() ? "" : before.substring(before.lastIndexOf(' ') + 1);
                String next = WORD_END.split(after, 2)[0];
                for (String w : f.since()) {
                    if (last.equals(w) || next.equals(w) || cues.unspaced() && (after.startsWith(w) || before.endsWith(w))) {
                        return true;
                    }
                }
            }
        }
        return false;
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
        String clause = CLAUSE.splitAsStream(lower).filter(s -> start.year().map(y -> s.contains(Integer.toString(y))).orElse(false)).findFirst().orElse(lower);
        return Durations.thing(clause, language, Spans::frameWords).isEmpty();
    }

    /**
     * Whether two starts are of one thing: what one of them began is all said in the other ("I've been teaching at this school
     * since 2012" / "I only started teaching here last autumn"), or neither names anything but its beginning. "I've worked at
     * the hospital since 2010" and "I started on the night shift at the hospital last spring" began two things.
     */
    private static boolean sameStart(Claim a, Claim b) {
        List<String> x = Durations.thing(a, Spans::frameWords);
        List<String> y = Durations.thing(b, Spans::frameWords);
        if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() && y.isEmpty();
        }
        return x.stream().allMatch(t -> y.stream().anyMatch(o -> NegationScope.similar(t, o)))
                || y.stream().allMatch(t -> x.stream().anyMatch(o -> NegationScope.similar(t, o)));
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
        return Stream.of(f.start(), f.ago(), f.took(), f.merely(), f.copula(), f.since(), f.one(), yearWords(f)).flatMap(List::stream).toList();
    }

    /** The words of the phrases that name a year or a month or season by its distance from now ("letztes jahr"): frame words one by one. */
    private static List<String> yearWords(Frames f) {
        return f.years().keySet().stream().flatMap(y -> Stream.of(y.split("\\s+"))).toList();
    }
}
