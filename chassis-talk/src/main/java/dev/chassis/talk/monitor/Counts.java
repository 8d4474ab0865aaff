package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What two claims' numbers count: the same thing in the same or a kindred unit (minutes and hours, days to years, "us" and
 * people), a thing named after each number, a count dated by a year; and how a count is told back to the person.
 */
final class Counts {

    private Counts() { }

    /** Whether both numbers are spans of time or both durations, in units that are not the same word. */
    static boolean spans(Claim a, Claim b) {
        String ka = unitKind(a.unit().orElse(""));
        return (ka.equals("span") || ka.equals("minute")) && ka.equals(unitKind(b.unit().orElse("")));
    }

    /** Whether one number counts us and the other people: how many we are, told two ways. */
    static boolean headcount(Claim a, Claim b) {
        String x = a.unit().orElse("");
        String y = b.unit().orElse("");
        if (!(x.equals("us") && y.equals("people") || x.equals("people") && y.equals("us"))) {
            return false;
        }
        // The place met in both, not the people ("all three of us could see who had phoned her" and "we double-booked two
        // patients" share the patients, who are not us).
        List<String> people = peopleWords(NegationScope.language(a));
        return a.subject().stream().filter(t -> people.stream().noneMatch(p -> NegationScope.similar(p, t)))
                .anyMatch(t -> b.subject().stream().anyMatch(o -> o.equals(t)));
    }

    /** The stems of a language's words for people ({@code units: people}: "patients", "empleados"), read once. */
    private static List<String> peopleWords(String language) {
        return PEOPLE_WORDS.computeIfAbsent(language, l -> Cues.of(l).units().stream().filter(u -> u.getValue().equals("people"))
                .flatMap(u -> dev.chassis.talk.text.Analysis.terms(u.getKey(), l).stream()).distinct().toList());
    }

    private static final java.util.Map<String, List<String>> PEOPLE_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether both numbers count a thing named right after them ({@link ClaimExtractor#THING}). */
    static boolean things(Claim a, Claim b) {
        return a.unit().filter(u -> u.startsWith(ClaimExtractor.THING)).isPresent() && b.unit().filter(u -> u.startsWith(ClaimExtractor.THING)).isPresent();
    }

    /**
     * Minutes and hours are one duration counted in two units, and days, weeks, months and years one span ("for fifteen
     * years" / "six months ago"); other units stand as they are.
     */
    static double scale(String unit) {
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

    static String span(Claim c) {
        // "us" is the kind of a group one belongs to ("we are 12"): a researcher reads it as people
        return fmt(c.quantity().get()) + c.upTo().map(h -> "-" + fmt(h)).orElse("")
                + c.unit().map(u -> " " + (u.equals("us") ? "people" : u)).orElse("");
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
        if (counted.startsWith("money")) {
            // A price: the currency, the period, the verb of paying and "about" say nothing of what is paid for ("30 Euro im Monat"
            // for the software and "1500 Euro im Monat" for the rent share "euro" and "monat" only).
            List<String> priced = priceWords(NegationScope.language(a));
            isUnit = isUnit.or(term -> priced.stream().anyMatch(w -> NegationScope.similar(w, term)));
        }
        common.removeIf(isUnit);
        if (counted.startsWith("money")) {
            // A price whose clause names nothing but itself ("São cento e vinte euros por mês, para uma padaria é muito") is of
            // whatever the other price is of.
            return !common.isEmpty() || bare(a, isUnit) || bare(b, isUnit);
        }
        return !common.isEmpty() || a.subject().stream().allMatch(isUnit) || b.subject().stream().allMatch(isUnit);
    }

    /** Whether the clause holding the claim's number says nothing but units, prices and small words. */
    private static boolean bare(Claim c, java.util.function.Predicate<String> isUnit) {
        String language = NegationScope.language(c);
        Cues cues = Cues.of(language);
        String lower = Cues.lower(c.quote());
        String clause = java.util.Arrays.stream(lower.split("[,;:–—]")).filter(k -> k.chars().anyMatch(Character::isDigit)
                || java.util.Arrays.stream(k.split("[^\\p{L}\\p{M}\\p{N}-]+")).anyMatch(w -> cues.numbers().containsKey(w))).findFirst().orElse(lower);
        return dev.chassis.talk.text.Analysis.terms(clause, language).stream().filter(t -> !dev.chassis.core.text.Words.isStopword(t)
                && !ClaimExtractor.isNumberWord(t, cues) && !ClaimExtractor.numberStems(cues).contains(t)).allMatch(isUnit);
    }

    /** The stems of a language's words of currency and of periods, its verbs of paying ({@link Frames#took}) and its "about", read once. */
    private static List<String> priceWords(String language) {
        return PRICE_WORDS.computeIfAbsent(language, l -> {
            Cues cues = Cues.of(l);
            java.util.stream.Stream<String> words = java.util.stream.Stream.of(cues.units().stream()
                    .filter(u -> u.getValue().equals("money") || Rates.SPANS.contains(u.getValue())).map(java.util.Map.Entry::getKey),
                    Frames.of(l).took().stream(), Frames.of(l).about().stream()).flatMap(x -> x);
            return words.flatMap(w -> dev.chassis.talk.text.Analysis.terms(w, l).stream()).distinct().toList();
        });
    }

    private static final java.util.Map<String, List<String>> PRICE_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

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

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
