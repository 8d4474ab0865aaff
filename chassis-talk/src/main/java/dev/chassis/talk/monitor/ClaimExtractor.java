package dev.chassis.talk.monitor;

import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import dev.chassis.talk.text.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds factual statements in an answer: sentences in the first person, or with a number, a year or
 * a frequency, with what they are about (stemmed content terms), their polarity, and what a number
 * counts as a unit kind shared by every language ({@code people}, {@code week}...), so claims compare
 * across a switch of language. Reads with the language's {@link Cues} (data files). Deterministic and
 * cheap; it runs on a monitor thread.
 */
final class ClaimExtractor {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Nd}+(?:[.,]\\p{Nd}+)?)");
    /** In unspaced scripts a number stands right after a letter ("看護師は8人"). */
    private static final Pattern UNSPACED_NUMBER = Pattern.compile("(?<!\\p{N})(\\p{Nd}+(?:[.,]\\p{Nd}+)?)");
    /** A question the person asks states nothing. */
    private static final Pattern QUESTION = Pattern.compile("[?？؟]\\s*$");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20[0-4]\\d)(?!\\d)");
    /** How far (in words) from a number its unit may stand: "six of us", "somos quince". */
    private static final int UNIT_AFTER = 3;
    /** And before it: "somos quince", "on est une vingtaine" (an article or "about" between the two words and the number). */
    private static final int UNIT_BEFORE = 3;

    private ClaimExtractor() {
    }

    static List<Claim> extract(int turn, String text, String language, String topic) {
        Cues cues = Cues.of(language);
        List<Claim> claims = new ArrayList<>();
        String lead = null;
        for (String found : Runs.sentences(text, Runs.ENDS, false)) {
            String sentence = found.strip();
            String lower = Cues.lower(sentence);
            List<String> words = words(lower);
            if (!cues.unspaced() && words.size() < 3 || cues.unspaced() && lower.length() < 5 || QUESTION.matcher(sentence).find()) {
                // "Los sábados. Abrimos a las diez y solo somos tres": a fragment that frames the sentence after it.
                lead = QUESTION.matcher(sentence).find() ? null : lower;
                continue;
            }
            String framedBy = lead;
            lead = null;
            Optional<Integer> year = findYear(lower).or(() -> relativeYear(lower, language, cues));
            Optional<Double> perDay = Rates.perDay(lower, words, cues);
            Optional<Integer> frequencyLevel = findFrequency(lower, cues).or(() -> perDay.map(Rates::level))
                    .or(() -> everDenied(words, language, cues));
            Optional<String> frequency = frequencyLevel.map(Cues.LEVELS::get);
            Optional<double[]> alone = Rates.alone(lower, cues);
            Optional<double[]> quantity = alone.isPresent() ? alone : findQuantity(lower, words, year, cues);
            boolean firstPerson = !cues.found(lower, cues.firstPerson()).isEmpty();
            boolean negated = negated(lower, words, cues) && !"never".equals(frequency.orElse("")) && !restrictive(lower, words, language, cues);
            // A denial states something even without a pronoun ("Não uso o aplicativo", "使っていません").
            // Nor does a sentence about the person's own thing ("our website brings most orders") need one.
            // Nor one that compares two things or makes one the only one ("the rota lives entirely in Google Sheets").
            // Where the verb says who ("Comecei a usar...", "Llevo la contabilidad"), a sentence about no one else is the person's.
            // In spaced scripts only: unspaced ones were not measured with it.
            boolean own = firstPerson || !cues.unspaced() && Frames.of(language).subjectless() && !NegationScope.readAboutOthers(sentence, language);
            if (!own && !negated && quantity.isEmpty() && year.isEmpty() && frequency.isEmpty() && !Possession.speaksOfOwn(lower, language)
                    && cues.found(lower, cues.only()).isEmpty() && !Compared.compares(lower, language)) {
                continue;
            }
            // The subject is what the claim is about, not how often: a rate's own words ("three times a week") are left out.
            String about = stripQualifiers(lower, cues);
            List<String> subject = Analysis.terms(frequency.isPresent() ? Rates.without(about, cues) : about, language).stream()
                    .filter(t -> !isNumberWord(t, cues) && !numberStems(cues).contains(t) && !Words.isStopword(t) && !saysNothing(t, language, cues))
                    .distinct().toList();
            if (subject.isEmpty()) {
                continue;
            }
            Optional<Double> value = quantity.map(q -> q[0]);
            Optional<Double> upTo = alone.isPresent() ? Optional.empty() : quantity.flatMap(q -> upTo(lower, words, q, cues));
            Optional<String> unit = alone.isPresent() ? Optional.of("us")
                    : quantity.flatMap(q -> Rates.ofGroup(findUnit(lower, words, (int) q[1], cues),
                            words, (int) q[1], firstPerson, cues)).map(u -> Rates.perPeriod(u, words, quantity.get(), cues));
            // A number right before a word that is no unit counts that word ("cinco camiones", "500 parcels a day"): its unit.
            // Only where no unit was read or the one read is the period after it ("a day"): "a team of nine consultants" is us.
            if (quantity.isPresent() && alone.isEmpty() && unit.map(u -> Rates.SPANS.contains(u.split("/")[0])).orElse(true)) {
                Optional<String> thing = counted(words, (int) quantity.get()[1], language, cues);
                if (thing.isPresent()) {
                    unit = thing;
                }
            }
            Claim claim = new Claim(turn, sentence, subject, negated, value, upTo, unit, frequency, year, topic).withPerDay(perDay);
            ClaimReading.heardIn(claim, language);
            if (framedBy != null) {
                Limits.framedBy(claim, framedBy);
            }
            claims.add(claim);
        }
        return claims;
    }

    /** What a thing counted is told as: {@code thing:} and its stem, and {@code /} and a period when one follows ("a day"). */
    static final String THING = "thing:";

    /**
     * The thing a number counts when the word right after it is a content word and no unit ("cinco camiones", "500 parcels a
     * day"), with the period that follows it if any: {@code thing:camion}, {@code thing:parcel/day}.
     */
    private static Optional<String> counted(List<String> words, int at, String language, Cues cues) {
        if (at < 0 || at + 1 >= words.size()) {
            return Optional.empty();
        }
        String next = words.get(at + 1);
        // Letters with their marks: Devanagari writes vowels and the virama as marks ("शिक्षक"), not letters.
        if (next.length() < 3 || !next.codePoints().allMatch(cp -> Character.isLetter(cp) || Runs.mark(cp)) || Words.isStopword(next) || cues.numbers().containsKey(next)
                || cues.units().stream().anyMatch(u -> u.getKey().equals(next) || u.getKey().startsWith(next + " "))) {
            return Optional.empty();
        }
        List<String> stem = Analysis.terms(next, language);
        if (stem.isEmpty()) {
            return Optional.empty();
        }
        String period = "";
        for (int i = at + 2; i < Math.min(words.size(), at + 2 + UNIT_AFTER); i++) {
            String w = words.get(i);
            Optional<String> kind = cues.units().stream().filter(u -> u.getKey().equals(w)).map(Map.Entry::getValue).filter(Rates.SPANS::contains).findFirst();
            if (kind.isPresent()) {
                period = "/" + kind.get();
                break;
            }
        }
        return Optional.of(THING + stem.get(0) + period);
    }

    /** 0 never, 1 rarely, 2 sometimes, 3 often, 4 always. */
    static int frequencyLevel(String f) {
        int level = Cues.LEVELS.indexOf(f);
        return level < 0 ? 4 : level;
    }

    /** The stems of the language's number words ("vint" of "vinte", "quatr"), read once: what a claim is about, never. */
    static java.util.Set<String> numberStems(Cues cues) {
        return NUMBER_STEMS.computeIfAbsent(cues.language(), l -> cues.numbers().keySet().stream().filter(k -> !k.contains(" "))
                .flatMap(k -> Analysis.terms(k, l).stream()).filter(t -> t.length() >= 3).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    private static final Map<String, java.util.Set<String>> NUMBER_STEMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A character of a word as a claim reads it: {@code [\p{L}\p{M}\p{N}%'’$€£₹-]}. */
    private static boolean wordChar(int cp) {
        return Runs.letter(cp) || Runs.mark(cp) || Runs.number(cp) || "%'’$€£₹-".indexOf(cp) >= 0;
    }

    private static List<String> words(String lower) {
        List<String> out = new ArrayList<>();
        for (String w : Runs.split(lower, ClaimExtractor::wordChar)) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean negated(String lower, List<String> words, Cues cues) {
        if (cues.unspaced()) {
            return cues.negation().stream().anyMatch(lower::contains);
        }
        return words.stream().anyMatch(w -> cues.negation().contains(w) || w.endsWith("n't"))
                || cues.negation().stream().filter(n -> n.contains(" ") || n.endsWith("'")).anyMatch(n -> cues.find(lower, n) >= 0);
    }

    /**
     * "Never" told as "ever" and a negation after it with words between ({@link Frames#ever}: "मैं कभी नकद नहीं लेता"): level 0.
     */
    private static Optional<Integer> everDenied(List<String> words, String language, Cues cues) {
        List<String> ever = Frames.of(language).ever();
        for (int i = 0; i < words.size(); i++) {
            if (ever.contains(words.get(i))) {
                for (int j = i + 1; j < Math.min(words.size(), i + 1 + EVER_WITHIN); j++) {
                    if (cues.negation().contains(words.get(j))) {
                        return Optional.of(0);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** How many words after "ever" its negation may stand: "कभी किसी ग्राहक को रसीद नहीं". */
    private static final int EVER_WITHIN = 6;

    /**
     * Whether the sentence's only negation is one that, with a word of "only" after it, says "only" ({@link Frames#restrictive}:
     * "on n'est que deux", "je ne fais que les livraisons"): a count or a limit, not a denial.
     */
    private static boolean restrictive(String lower, List<String> words, String language, Cues cues) {
        Frames f = Frames.of(language);
        if (f.restrictive().isEmpty()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean bare = f.restrictive().contains(w) || f.restrictive().stream().anyMatch(r -> r.endsWith("'") && w.startsWith(r));
            if (bare) {
                first = first < 0 ? i : first;
            } else if (cues.negation().contains(w) || w.endsWith("n't")) {
                return false;
            }
        }
        for (int i = first + 1; first >= 0 && i < words.size(); i++) {
            String w = words.get(i);
            if (f.merely().contains(w) || f.merely().stream().anyMatch(m -> m.endsWith("'") && w.startsWith(m))) {
                return true;
            }
        }
        return false;
    }

    private static String stripQualifiers(String lower, Cues cues) {
        String s = lower;
        for (Map.Entry<String, Integer> f : cues.frequency()) {
            // Whole words only: "oft" is how often in German, not the middle of "Software".
            int length = f.getKey().length() - (f.getKey().endsWith("*") ? 1 : 0);
            for (int at = cues.find(s, f.getKey()); at >= 0; at = cues.find(s, f.getKey())) {
                s = s.substring(0, at) + " ".repeat(length) + s.substring(at + length);
            }
        }
        return s;
    }

    private static Optional<Integer> findYear(String lower) {
        if (!hasDigit(lower, true)) {
            return Optional.empty(); // no year without the digits YEAR's \d stands for: most sentences, read without a matcher
        }
        Matcher y = YEAR.matcher(lower);
        return y.find() ? Optional.of(Integer.parseInt(y.group(1))) : Optional.empty();
    }

    /** A year named by its distance from this one ("last year", "l'an dernier", "去年"): the longest such phrase said. */
    private static Optional<Integer> relativeYear(String lower, String language, Cues cues) {
        Map.Entry<String, Integer> best = null;
        for (Map.Entry<String, Integer> y : Frames.of(language).years().entrySet()) {
            if ((best == null || y.getKey().length() > best.getKey().length()) && cues.find(lower, y.getKey()) >= 0) {
                best = y;
            }
        }
        return best == null ? Optional.empty() : Optional.of(java.time.Year.now().getValue() + best.getValue());
    }

    /** Whether {@code s} has a digit: 0-9 ({@code ascii}, what {@code \d} means), else any {@code \p{Nd}}. */
    private static boolean hasDigit(String s, boolean ascii) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || !ascii && (Character.isDigit(c) || Character.isSurrogate(c))) {
                return true; // a surrogate: its code point may be a digit; the matcher decides
            }
        }
        return false;
    }

    /** The first number of the sentence that is not its year, and the index of the word it is in. */
    private static Optional<double[]> findQuantity(String lower, List<String> words, Optional<Integer> year, Cues cues) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            Matcher n = hasDigit(w, false) ? NUMBER.matcher(w) : null; // NUMBER needs a \p{Nd}
            if (n != null && n.find()) {
                double v = parse(n.group(1));
                if (year.isEmpty() || v != year.get()) {
                    return Optional.of(new double[] {v, i});
                }
            }
            Double named = cues.numbers().containsKey(w) ? cues.numbers().get(w) : compound(w, cues);
            if (named != null) {
                // "two hundred", "trois mille": a multiplier right after it
                Double times = i + 1 < words.size() ? cues.numbers().get(words.get(i + 1)) : null;
                boolean multiplied = times != null && (times == 100 || times == 1000) && named < times;
                return Optional.of(new double[] {multiplied ? named * times : named, i});
            }
        }
        if (cues.unspaced()) {
            Matcher n = UNSPACED_NUMBER.matcher(lower);
            while (n.find()) {
                double v = parse(n.group(1));
                if (year.isEmpty() || v != year.get()) {
                    return Optional.of(new double[] {v, -1 - n.end()}); // a character position, for the unit after it
                }
            }
            // Only where the language's frames give its counters (Japanese): Chinese is left as it was (see frames.yaml).
            List<String> counters = Frames.of(cues.language()).counters();
            Optional<double[]> han = counters.isEmpty() ? Optional.empty() : HanNumerals.find(lower, cues, counters);
            if (han.isPresent()) {
                return han;
            }
        }
        // Numbers of several words ("a couple", "deux fois").
        for (Map.Entry<String, Double> e : cues.numbers().entrySet()) {
            if (e.getKey().contains(" ") && cues.find(lower, e.getKey()) >= 0) {
                return Optional.of(new double[] {e.getValue(), 0});
            }
        }
        return Optional.empty();
    }

    /** A number written as words joined by hyphens ("twenty-five", "trente-deux"), or null. */
    private static Double compound(String word, Cues cues) {
        if (word.indexOf('-') <= 0) {
            return null;
        }
        double sum = 0;
        for (String part : word.split("-")) {
            Double n = cues.numbers().get(part);
            if (n == null || part.isEmpty()) {
                return null;
            }
            sum = n >= 100 && sum > 0 ? sum * n : sum + n;
        }
        return sum;
    }

    /**
     * The upper end of a range that starts at the number found: "20-30", "20 to 30", "entre 10 et 15", "de 30 a 40" (one
     * short word or a dash between two numbers, the second larger). Empty for a single number.
     */
    private static Optional<Double> upTo(String lower, List<String> words, double[] q, Cues cues) {
        int at = (int) q[1];
        if (at < 0) {
            return Optional.empty();
        }
        Matcher dash = RANGE_IN_WORD.matcher(words.get(at));
        if (dash.find()) {
            double high = parse(dash.group(2));
            return high > q[0] ? Optional.of(high) : Optional.empty();
        }
        if (at + 2 < words.size() && words.get(at + 1).length() <= 4 && !cues.units().stream().anyMatch(u -> u.getKey().equals(words.get(at + 1)))) {
            String next = words.get(at + 2);
            Double high = digits(next).orElseGet(() -> cues.numbers().get(next));
            if (high != null && high > q[0]) {
                return Optional.of(high);
            }
        }
        return Optional.empty();
    }

    /**
     * The value of a word written all in decimal digits of any script ("12", Devanagari "१२", full-width "１２"), or empty:
     * {@code Double.parseDouble} reads ASCII digits only, and threw on the others (the monitor then lost the whole answer).
     */
    static Optional<Double> digits(String word) {
        return !word.isEmpty() && word.chars().allMatch(Character::isDigit) ? Optional.of(parse(word)) : Optional.empty();
    }

    private static final Pattern RANGE_IN_WORD = Pattern.compile("^(\\p{Nd}+)[-–](\\p{Nd}+)");

    private static double parse(String digits) {
        StringBuilder sb = new StringBuilder();
        for (char c : digits.toCharArray()) {
            sb.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c == ',' ? '.' : c);
        }
        return Double.parseDouble(sb.toString());
    }

    /** The kind of unit nearest the number: a few words after it ("six of us"), or just before ("somos quince"). */
    private static Optional<String> findUnit(String lower, List<String> words, int at, Cues cues) {
        if (at < 0) {
            String after = lower.substring(Math.min(lower.length(), -1 - at), Math.min(lower.length(), -1 - at + 4));
            return cues.units().stream().filter(u -> after.startsWith(u.getKey())).map(Map.Entry::getValue).findFirst();
        }
        for (int d = 1; d <= UNIT_AFTER; d++) {
            Optional<String> u = unitAt(words, at + d, cues);
            if (u.isPresent()) {
                return u;
            }
        }
        Optional<String> same = unitIn(words.get(at), cues); // "15%", "3h"
        if (same.isPresent()) {
            return same;
        }
        for (int d = 1; d <= UNIT_BEFORE; d++) {
            Optional<String> u = unitAt(words, at - d, cues);
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unitAt(List<String> words, int i, Cues cues) {
        if (i < 0 || i >= words.size()) {
            return Optional.empty();
        }
        String two = i + 1 < words.size() ? words.get(i) + " " + words.get(i + 1) : "";
        String word = elided(words.get(i));
        for (Map.Entry<String, String> u : cues.units()) {
            if (u.getKey().equals(words.get(i)) || u.getKey().equals(two) || u.getKey().equals(word)) {
                return Optional.of(u.getValue());
            }
        }
        return Optional.empty();
    }

    /** A word without the article or preposition elided onto it ("d'infirmières", "l'ufficio", "dell'anno"), or itself. */
    private static String elided(String word) {
        int apostrophe = Math.max(word.indexOf('\''), word.indexOf('’'));
        return apostrophe > 0 && apostrophe <= ELIDED && apostrophe + 1 < word.length() ? word.substring(apostrophe + 1) : word;
    }

    /** How long an elided article or preposition is at most, with its apostrophe's place: "d'", "qu'", "dell'". */
    private static final int ELIDED = 4;

    private static Optional<String> unitIn(String word, Cues cues) {
        String rest = word.replaceAll("^[\\p{Nd}.,]+", "");
        if (rest.isEmpty() || rest.equals(word)) {
            return Optional.empty();
        }
        return cues.units().stream().filter(u -> u.getKey().equals(rest)).map(Map.Entry::getValue).findFirst();
    }

    private static Optional<Integer> findFrequency(String lower, Cues cues) {
        for (Map.Entry<String, Integer> f : cues.frequency()) {
            int at = cues.find(lower, f.getKey());
            if (at >= 0) {
                // "not always" is not "always": a negated frequency says less than it names.
                boolean not = f.getValue() > 0 && cues.negatedAt(lower, at, f.getKey().length());
                return Optional.of(not ? Math.max(1, f.getValue() - 2) : f.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * In unspaced scripts, a term that says nothing of what a claim is about: the person ("我们"), a counter ("个"), a unit of one
     * character ("人") or a particle ("有", "了"); two counts of other things shared them all ("我们一共有八个人" / "周末只有三个人上班").
     */
    static boolean saysNothing(String term, String language, Cues cues) {
        if (!cues.unspaced()) {
            return false;
        }
        Frames f = Frames.of(language);
        return cues.firstPerson().contains(term) || f.counters().contains(term) || f.particles().contains(term)
                || term.length() == 1 && cues.units().stream().anyMatch(u -> u.getKey().equals(term));
    }

    /** A number said as a word of the language or written with a digit of any script ("3", "٣"); checked for every term. */
    static boolean isNumberWord(String term, Cues cues) {
        if (cues.numbers().containsKey(term)) {
            return true;
        }
        for (int i = 0; i < term.length(); i++) {
            if (Character.isDigit(term.charAt(i))) { // a char at a time, as a stream of chars() was: no stream object per term
                return true;
            }
        }
        return false;
    }
}
