package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The part of the year or the week a claim is limited to: "Los sábados somos doce" against "Somos ocho en la cocina", "L'été,
 * on embauche deux saisonniers, donc on est huit" against "On est six dans l'équipe", "Le week-end, je ne prends jamais le
 * train" against "Je prends toujours le train". A count or a habit of one part of the time is not another account of the
 * count or the habit of all of it. Days and months are the language's own names (the platform's, CLDR), seasons and
 * weekends its {@link Frames#limits}; a part named as one time just past ("el sábado pasado", "last Saturday": a story) is
 * no limit.
 */
final class Limits {

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{M}-]+");
    /** A day or month name is met by its stem: all but its last letter when it is this long ("sábado" meets "sábados"). */
    private static final int STEMMED = 5;
    private static final Map<String, List<String>> NAMES = new ConcurrentHashMap<>();
    private static final int SHORT_NAME = 3;

    private Limits() {
    }

    /** Whether the two claims are limited to different parts of the time (one of them to none): neither accounts for the other. */
    static boolean apart(Claim a, Claim b) {
        return !of(a).equals(of(b));
    }

    /**
     * Whether one claim is the other's exception: limited to a part of the time the other is not, and less often there ("Je
     * prends toujours le train" / "Le week-end, je ne prends jamais le train"). The other way round it contradicts: "I never
     * check it" / "On Mondays I always check it". Two claims limited to two parts of the time are two accounts.
     */
    static boolean exception(Claim a, Claim b) {
        Set<String> x = of(a);
        Set<String> y = of(b);
        if (x.equals(y)) {
            return false;
        }
        if (!x.isEmpty() && !y.isEmpty()) {
            return true;
        }
        Claim limited = x.isEmpty() ? b : a;
        Claim general = limited == a ? b : a;
        return limited.frequency().isPresent() && general.frequency().isPresent()
                && ClaimExtractor.frequencyLevel(limited.frequency().get()) < ClaimExtractor.frequencyLevel(general.frequency().get());
    }

    /**
     * The fragment said right before a claim's sentence, which frames it ("Los sábados. Abrimos a las diez..."), by sentence
     * as {@link ClaimReading}'s readings are: weak keys, so a closed session's go with it.
     */
    private static final Map<String, String> FRAMED = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Notes the fragment said right before the claim's sentence ("Le mercredi."): a part of the time it may be limited to. */
    static void framedBy(Claim c, String fragment) {
        FRAMED.put(c.quote(), fragment);
    }

    /** The parts of the time the claim is limited to, as the names that say them; empty when it is not limited. */
    static Set<String> of(Claim c) {
        return ClaimReading.kept(c, ClaimReading.LIMITS, Limits::read);
    }

    /** {@link #of} read off the claim, once per claim ({@link ClaimReading#kept}): unmodifiable. */
    private static Set<String> read(Claim c) {
        return java.util.Collections.unmodifiableSet(readInto(c));
    }

    private static Set<String> readInto(Claim c) {
        String language = NegationScope.language(c);
        String framed = FRAMED.get(c.quote());
        String lower = (framed == null ? "" : framed + " ") + Cues.lower(c.quote());
        Set<String> out = new TreeSet<>();
        if (c.year().isPresent() && !c.quote().contains(Integer.toString(c.year().get()))) {
            return out; // "el sábado pasado", "last month": one time just past, a story, not a part of every week
        }
        Cues cues = Cues.of(language);
        List<String> words = cues.unspaced() ? List.of() : List.of(WORD.split(lower));
        for (String name : names(language)) {
            boolean said = cues.unspaced() || name.contains(" ") ? cues.find(lower, name) >= 0
                    : words.stream().anyMatch(w -> w.equals(name) || name.length() >= STEMMED && w.startsWith(name.substring(0, name.length() - 1))
                            && w.length() <= name.length() + 2);
            if (said) {
                out.add(name);
            }
        }
        return out;
    }

    /** The language's names of days, months, seasons and weekends, lower case. */
    private static List<String> names(String language) {
        return NAMES.computeIfAbsent(language, l -> {
            List<String> out = new ArrayList<>(Frames.of(l).limits());
            Locale locale = Locale.forLanguageTag(l);
            if (!Frames.of(l).limits().isEmpty()) {
                List<String> named = new ArrayList<>();
                for (DayOfWeek d : DayOfWeek.values()) {
                    named.add(Cues.lower(d.getDisplayName(TextStyle.FULL, locale)));
                }
                for (Month m : Month.values()) {
                    named.add(Cues.lower(m.getDisplayName(TextStyle.FULL_STANDALONE, locale)));
                }
                // Names as short as "may" or "mai" are other words too ("I may", "mais").
                named.stream().filter(n -> n.length() > SHORT_NAME).forEach(out::add);
            }
            return List.copyOf(out.stream().filter(n -> !n.isBlank()).distinct().toList());
        });
    }
}
