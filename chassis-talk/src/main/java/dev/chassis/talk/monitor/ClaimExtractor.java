package dev.chassis.talk.monitor;

import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds factual statements in an answer: sentences in the first person, or with a number, a year or
 * a frequency, with what they are about (stemmed content terms) and their polarity. Deterministic
 * and cheap; it runs on a monitor thread.
 */
final class ClaimExtractor {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]+[.!?。！？]?");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d+(?:[.,]\\d+)?)(?![\\p{L}\\d])");
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20[0-4]\\d)\\b");
    private static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0),
            Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
            Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("twenty", 20.0), Map.entry("fifty", 50.0),
            Map.entry("hundred", 100.0), Map.entry("dozen", 12.0), Map.entry("couple", 2.0), Map.entry("once", 1.0),
            Map.entry("twice", 2.0), Map.entry("zwei", 2.0), Map.entry("drei", 3.0), Map.entry("deux", 2.0), Map.entry("trois", 3.0),
            Map.entry("dos", 2.0), Map.entry("tres", 3.0), Map.entry("dois", 2.0), Map.entry("três", 3.0));
    private static final List<String> UNITS = List.of("year", "month", "week", "day", "hour", "minute", "time", "people", "person",
            "kid", "child", "employee", "member", "user", "tool", "app", "project", "client", "customer", "team", "dollar", "euro",
            "percent", "%", "jahr", "monat", "woche", "tag", "stunde", "an", "mois", "jour", "heure", "año", "mes", "día", "hora", "ano", "dia");
    // Ordered scale: 0 never .. 4 always. Longer phrases first, so "every day" wins over "day".
    private static final List<Map.Entry<String, String>> FREQUENCIES = List.of(
            Map.entry("every single day", "always"), Map.entry("every day", "always"), Map.entry("all the time", "always"),
            Map.entry("constantly", "always"), Map.entry("always", "always"), Map.entry("daily", "always"),
            Map.entry("jeden tag", "always"), Map.entry("immer", "always"), Map.entry("tous les jours", "always"),
            Map.entry("toujours", "always"), Map.entry("todos los días", "always"), Map.entry("siempre", "always"),
            Map.entry("todos os dias", "always"), Map.entry("sempre", "always"),
            Map.entry("most days", "often"), Map.entry("usually", "often"), Map.entry("often", "often"), Map.entry("regularly", "often"),
            Map.entry("weekly", "often"), Map.entry("oft", "often"), Map.entry("souvent", "often"), Map.entry("a menudo", "often"),
            Map.entry("frequentemente", "often"),
            Map.entry("sometimes", "sometimes"), Map.entry("occasionally", "sometimes"), Map.entry("manchmal", "sometimes"),
            Map.entry("parfois", "sometimes"), Map.entry("a veces", "sometimes"), Map.entry("às vezes", "sometimes"),
            Map.entry("rarely", "rarely"), Map.entry("hardly ever", "rarely"), Map.entry("seldom", "rarely"), Map.entry("selten", "rarely"),
            Map.entry("rarement", "rarely"), Map.entry("raramente", "rarely"),
            Map.entry("never", "never"), Map.entry("nie", "never"), Map.entry("niemals", "never"), Map.entry("jamais", "never"),
            Map.entry("nunca", "never"));
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "don't", "doesn't", "didn't", "won't", "can't",
            "cannot", "isn't", "aren't", "wasn't", "haven't", "hasn't", "nobody", "nothing", "none", "nicht", "kein", "keine", "keinen",
            "nie", "ne", "pas", "jamais", "aucun", "nunca", "nada", "ningún", "não", "nenhum");
    private static final Set<String> FIRST_PERSON = Set.of("i", "i'm", "i've", "i'd", "we", "we're", "we've", "my", "our", "me",
            "ich", "wir", "mein", "meine", "je", "j'ai", "nous", "mon", "ma", "yo", "nosotros", "mi", "eu", "nós", "meu", "minha");

    private ClaimExtractor() {
    }

    static List<Claim> extract(int turn, String text, String language, String topic) {
        List<Claim> claims = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String sentence = m.group().strip();
            String lower = sentence.toLowerCase(Locale.ROOT).replace('’', '\'');
            List<String> words = List.of(lower.split("[^\\p{L}\\p{N}%'’-]+"));
            if (words.size() < 3) {
                continue;
            }
            Optional<Integer> year = findYear(lower);
            Optional<Double> quantity = findQuantity(lower, words, year);
            Optional<String> frequency = findFrequency(lower);
            boolean firstPerson = words.stream().anyMatch(FIRST_PERSON::contains);
            if (!firstPerson && quantity.isEmpty() && year.isEmpty() && frequency.isEmpty()) {
                continue;
            }
            boolean negated = words.stream().anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"))
                    && !"never".equals(frequency.orElse(""));
            List<String> subject = Analysis.terms(stripQualifiers(lower), language).stream()
                    .filter(t -> !isNumberWord(t) && !Words.isStopword(t)).distinct().toList();
            if (subject.isEmpty()) {
                continue;
            }
            claims.add(new Claim(turn, sentence, subject, negated, quantity, quantity.flatMap(q -> findUnit(words)), frequency, year, topic));
        }
        return claims;
    }

    /** 0 never, 1 rarely, 2 sometimes, 3 often, 4 always. */
    static int frequencyLevel(String f) {
        return switch (f) {
            case "never" -> 0;
            case "rarely" -> 1;
            case "sometimes" -> 2;
            case "often" -> 3;
            default -> 4;
        };
    }

    private static String stripQualifiers(String lower) {
        String s = lower;
        for (Map.Entry<String, String> f : FREQUENCIES) {
            s = s.replace(f.getKey(), " ");
        }
        return s;
    }

    private static Optional<Integer> findYear(String lower) {
        Matcher y = YEAR.matcher(lower);
        return y.find() ? Optional.of(Integer.parseInt(y.group(1))) : Optional.empty();
    }

    private static Optional<Double> findQuantity(String lower, List<String> words, Optional<Integer> year) {
        Matcher n = NUMBER.matcher(lower);
        while (n.find()) {
            double v = Double.parseDouble(n.group(1).replace(',', '.'));
            if (year.isEmpty() || v != year.get()) {
                return Optional.of(v);
            }
        }
        for (String w : words) {
            Double v = NUMBER_WORDS.get(w);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findUnit(List<String> words) {
        for (String w : words) {
            for (String u : UNITS) {
                if (w.equals(u) || w.equals(u + "s") || w.equals(u + "es") || (u.length() > 3 && w.startsWith(u))) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> findFrequency(String lower) {
        for (int i = 0; i < FREQUENCIES.size(); i++) {
            if (lower.contains(FREQUENCIES.get(i).getKey()) && FREQUENCY_PATTERNS.get(i).matcher(lower).find()) {
                return Optional.of(FREQUENCIES.get(i).getValue());
            }
        }
        return Optional.empty();
    }

    // The phrases as whole words, compiled once (monitors run on every turn of every session).
    private static final List<Pattern> FREQUENCY_PATTERNS = FREQUENCIES.stream()
            .map(f -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(f.getKey()) + "(?!\\p{L})")).toList();

    private static boolean isNumberWord(String term) {
        return NUMBER_WORDS.containsKey(term) || term.chars().anyMatch(Character::isDigit);
    }
}
