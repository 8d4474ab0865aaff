package dev.chassis.talk.monitor;

import dev.chassis.talk.text.Cues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How often and how many, said in other words than a frequency word or a bare number: a count of
 * times with a period ("once a month", "plusieurs fois par jour", "zweimal die Woche"), a period made a
 * rate ("chaque matin", "jeden Abend"), the person's group counted in words ("just me and a part-time
 * assistant") or named ("a team of nine"). Every word comes from the language's {@link Cues}.
 */
final class Rates {

    /** How far (in words) after a count of times its period may stand: "once a month", "deux fois par semaine". */
    private static final int PERIOD_WITHIN = 3;
    /** What stands between the words of a claim ({@code String.split} compiled it on every call, several times per claim). */
    private static final java.util.regex.Pattern CLAIM_WORDS_APART = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}\\p{N}'-]+");
    /** How far (in words) from a number a word naming the group may stand for it to count the group. */
    private static final int GROUP_WITHIN = 3;

    private Rates() {
    }

    /** The frequency level (as {@link Cues#LEVELS}) of a rate said in the sentence, if any. */
    static Optional<Integer> level(String lower, List<String> words, Cues cues) {
        return perDay(lower, words, cues).map(Rates::level);
    }

    /**
     * How many times a day a rate said in the sentence comes to ("twice a week" 0.29, "every hour" 24, "monthly" 0.033), if
     * one is said: what two rates in different words are compared by.
     */
    static Optional<Double> perDay(String lower, List<String> words, Cues cues) {
        for (Map.Entry<String, Double> p : cues.periodic().entrySet()) {
            if (cues.find(lower, p.getKey()) >= 0) {
                return Optional.of(p.getValue());
            }
        }
        if (cues.unspaced()) {
            return unspaced(lower, cues);
        }
        for (Map.Entry<String, Double> r : cues.rate().entrySet()) {
            int at = cues.find(lower, r.getKey());
            if (at >= 0) {
                // The period after the count ("once a month") or, where the verb comes last, before it ("महीने में एक बार").
                Optional<Double> days = period(after(lower, at + r.getKey().length()), cues).or(() -> period(before(lower, at), cues));
                if (days.isPresent()) {
                    return Optional.of(r.getValue() / days.get());
                }
            }
        }
        for (String e : cues.every()) {
            int at = cues.find(lower, e);
            if (at >= 0) {
                List<String> next = after(lower, at + e.length());
                // "every two weeks", "alle drei Tage": a count between the word and its period stretches the period.
                Double stretch = next.isEmpty() ? null : number(next.getFirst(), cues);
                int from = stretch == null ? 0 : 1;
                Optional<Double> days = period(next.subList(Math.min(from, next.size()), Math.min(from + 2, next.size())), cues);
                if (days.isPresent()) {
                    return Optional.of(1 / (days.get() * (stretch == null ? 1 : stretch)));
                }
            }
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            Double n = number(words.get(i), cues);
            if (n != null && "times".equals(kind(words.get(i + 1), cues))) {
                Optional<Double> days = period(words.subList(i + 2, Math.min(words.size(), i + 2 + PERIOD_WITHIN)), cues);
                if (days.isPresent()) {
                    return Optional.of(n / days.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The sentence without the words that say how often ("three times a week", "une fois par mois", "every other day"):
     * what remains is what the claim is about.
     */
    static String without(String lower, Cues cues) {
        StringBuilder out = new StringBuilder();
        for (String w : CLAIM_WORDS_APART.split(lower)) {
            String kind = kind(w, cues);
            boolean rateWord = kind != null && PERIODS.contains(kind) || cues.every().contains(w) || cues.rate().containsKey(w)
                    || w.chars().allMatch(Character::isDigit);
            if (!w.isEmpty() && !rateWord) {
                out.append(w).append(' ');
            }
        }
        String s = out.toString();
        for (String r : cues.rate().keySet()) {
            if (r.contains(" ")) {
                s = s.replace(r, " ");
            }
        }
        return s;
    }

    /**
     * A count of periods said per period ("5 days a week", "8 heures par jour") is an amount of each period, not a span of
     * time: its unit becomes {@code day/week}, which no span compares with. Other units stand.
     */
    static String perPeriod(String unit, List<String> words, double[] q, Cues cues) {
        if (!SPANS.contains(unit) && !unit.equals("hour") && !unit.equals("minute") || q[1] < 0) {
            return unit;
        }
        for (int i = (int) q[1] + 2; i < Math.min(words.size(), (int) q[1] + 2 + PERIOD_WITHIN); i++) {
            String kind = kind(words.get(i), cues);
            if (kind != null && SPANS.contains(kind)) {
                return unit + "/" + kind;
            }
        }
        return unit;
    }

    /** Units that are spans of time, counted in days when compared: "fifteen years" and "six months". */
    static final java.util.Set<String> SPANS = java.util.Set.of("day", "week", "month", "year");

    private static final java.util.Set<String> PERIODS = java.util.Set.of("times", "hour", "day", "week", "month", "quarter", "year");

    /** The person's group counted in words ("just me" is one, "me and a freelancer" two): the count and where it was said. */
    static Optional<double[]> alone(String lower, Cues cues) {
        double most = 0;
        for (Map.Entry<String, Double> a : cues.alone().entrySet()) {
            if (a.getValue() > most && cues.find(lower, a.getKey()) >= 0) {
                most = a.getValue();
            }
        }
        return most > 0 ? Optional.of(new double[] {most, 0}) : Optional.empty();
    }

    /**
     * People counted beside a word naming the person's own group ("12 people on the team") count us; so does a bare
     * number right after one ("a team of nine"). Other counts keep their unit.
     */
    static Optional<String> ofGroup(Optional<String> unit, List<String> words, int at, boolean firstPerson, Cues cues) {
        if (!firstPerson || at < 0 || unit.isPresent() && !unit.get().equals("people")) {
            return unit;
        }
        int from = Math.max(0, at - (unit.isPresent() ? GROUP_WITHIN : 2));
        int to = unit.isPresent() ? Math.min(words.size(), at + GROUP_WITHIN + 2) : at;
        for (int i = from; i < to; i++) {
            if (cues.group().contains(words.get(i))) {
                return Optional.of("us");
            }
        }
        return unit;
    }

    /** 4 always (daily or more), 3 often (weekly or more, as the cue files put "weekly"), 2 sometimes, 1 rarely (monthly or less). */
    static int level(double perDay) {
        return perDay >= 0.9 ? 4 : perDay >= 0.12 ? 3 : perDay >= 0.05 ? 2 : 1;
    }

    /** The length in days of the first period among {@code words} ("a month", "par semaine", "am Tag"). */
    private static Optional<Double> period(List<String> words, Cues cues) {
        for (int i = 0; i < Math.min(PERIOD_WITHIN + 1, words.size()); i++) {
            String kind = kind(words.get(i), cues);
            if (kind != null) {
                return days(kind);
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> days(String kind) {
        return switch (kind) {
            case "hour" -> Optional.of(1 / 24.0);
            case "day" -> Optional.of(1.0);
            case "week" -> Optional.of(7.0);
            case "month" -> Optional.of(30.0);
            case "quarter" -> Optional.of(91.0);
            case "year" -> Optional.of(365.0);
            default -> Optional.empty();
        };
    }

    /** How many characters after a period its count of times may end in unspaced scripts: "月に一回", "一个月去一次". */
    private static final int UNSPACED_WITHIN = 6;

    /** A period and, a few characters after it, a count of times ("一个月去一次", "月に一回"), in an unspaced script. */
    private static Optional<Double> unspaced(String lower, Cues cues) {
        for (Map.Entry<String, String> period : cues.units()) {
            Optional<Double> days = days(period.getValue());
            for (int at = days.isEmpty() ? -1 : lower.indexOf(period.getKey()); at >= 0; at = lower.indexOf(period.getKey(), at + 1)) {
                int from = at + period.getKey().length();
                String after = lower.substring(from, Math.min(lower.length(), from + UNSPACED_WITHIN));
                for (Map.Entry<String, String> times : cues.units()) {
                    int t = times.getValue().equals("times") ? after.indexOf(times.getKey()) : -1;
                    Double count = t > 0 ? countEnding(after.substring(0, t), cues) : null;
                    if (count != null) {
                        return Optional.of(count / days.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The number a text ends with, in digits or as one of the language's number words ("一", "3"), or null. */
    private static Double countEnding(String text, Cues cues) {
        for (int i = 0; i < text.length(); i++) {
            String tail = text.substring(i);
            Double n = ClaimExtractor.digits(tail).orElseGet(() -> cues.numbers().get(tail));
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static String kind(String word, Cues cues) {
        for (Map.Entry<String, String> u : cues.units()) {
            if (u.getKey().equals(word)) {
                return u.getValue();
            }
        }
        return null;
    }

    private static Double number(String word, Cues cues) {
        return ClaimExtractor.digits(word).orElseGet(() -> cues.numbers().get(word));
    }

    /** The words right before {@code to}, nearest first: up to two ("महीने में" before "एक बार"). */
    private static List<String> before(String lower, int to) {
        List<String> out = new ArrayList<>();
        String[] words = CLAIM_WORDS_APART.split(lower.substring(0, Math.max(0, to)));
        for (int i = words.length - 1; i >= 0 && out.size() < PERIOD_BEFORE; i--) {
            if (!words[i].isEmpty()) {
                out.add(words[i]);
            }
        }
        return out;
    }

    /** How far before a count of times its period may stand, in words: the period and its postposition. */
    private static final int PERIOD_BEFORE = 2;

    private static List<String> after(String lower, int from) {
        List<String> out = new ArrayList<>();
        for (String w : CLAIM_WORDS_APART.split(lower.substring(Math.min(from, lower.length())))) {
            if (!w.isEmpty()) {
                out.add(w);
                if (out.size() == PERIOD_WITHIN + 1) {
                    break;
                }
            }
        }
        return out;
    }
}
