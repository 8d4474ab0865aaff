package dev.chassis.talk.monitor;

import dev.chassis.talk.text.Cues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Numbers written in Han numerals, as Japanese and Chinese write counts ("スタッフが三人", "二十年", "十五个员工"): read only
 * where a unit or a counter follows, since the same characters begin ordinary words ("一緒", "一番", "一直", "十分").
 */
final class HanNumerals {

    private static final String DIGITS = "〇零一二两兩三四五六七八九";
    private static final int[] VALUES = {0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final String MULTIPLIERS = "十百千";
    private static final int[] POWERS = {10, 100, 1000};
    private static final String MYRIAD = "万萬";

    private HanNumerals() {
    }

    /**
     * The first number in Han numerals that a unit or a counter follows: its value and {@code -1 - end}, where {@code end} is
     * the position a unit is read from (after a counter that is no unit: "三个员工" reads "员工"). Empty when there is none.
     */
    static Optional<double[]> find(String lower, Cues cues, List<String> counters) {
        for (int i = 0; i < lower.length(); i++) {
            if (!numeral(lower.charAt(i))) {
                continue;
            }
            int end = i;
            while (end < lower.length() && numeral(lower.charAt(end))) {
                end++;
            }
            String run = lower.substring(i, end);
            String rest = lower.substring(end);
            // "十分" is "enough" in both languages, not ten minutes.
            boolean unit = startsWithUnit(rest, cues) && !(run.equals("十") && rest.startsWith("分"));
            Optional<String> counter = counters.stream().filter(rest::startsWith).findFirst();
            // "二〇一五年" is a year, not fifteen hundred years and more.
            boolean year = run.length() == 4 && value(run) >= 1950 && value(run) < 2050;
            if ((unit || counter.isPresent()) && !year) {
                int from = !unit && startsWithUnit(rest.substring(counter.get().length()), cues) ? end + counter.get().length() : end;
                return Optional.of(new double[] {value(run), -1 - from});
            }
            i = end;
        }
        return Optional.empty();
    }

    private static boolean startsWithUnit(String rest, Cues cues) {
        for (Map.Entry<String, String> u : cues.units()) {
            if (!u.getKey().isEmpty() && rest.startsWith(u.getKey())) {
                return true;
            }
        }
        return false;
    }

    static boolean numeral(char c) {
        return DIGITS.indexOf(c) >= 0 || MULTIPLIERS.indexOf(c) >= 0 || MYRIAD.indexOf(c) >= 0;
    }

    /** "十二" 12, "二十" 20, "一百五十" 150, "三万" 30000; digits without a multiplier positionally ("二〇二四" 2024). */
    static double value(String run) {
        boolean positional = run.chars().noneMatch(c -> MULTIPLIERS.indexOf(c) >= 0 || MYRIAD.indexOf(c) >= 0);
        if (positional) {
            double v = 0;
            for (char c : run.toCharArray()) {
                v = v * 10 + VALUES[DIGITS.indexOf(c)];
            }
            return v;
        }
        double total = 0;
        double section = 0;
        int digit = -1;
        for (char c : run.toCharArray()) {
            int d = DIGITS.indexOf(c);
            int m = MULTIPLIERS.indexOf(c);
            if (d >= 0) {
                digit = VALUES[d];
            } else if (m >= 0) {
                section += (digit < 0 ? 1 : digit) * POWERS[m];
                digit = -1;
            } else {
                section += Math.max(digit, 0);
                total += (section == 0 ? 1 : section) * 10_000;
                section = 0;
                digit = -1;
            }
        }
        return total + section + Math.max(digit, 0);
    }
}
