package dev.chassis.talk.monitor;

import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.List;

/**
 * How long one thing took, told with two verbs: "the audit took two days" and "we spent about three weeks on the audit",
 * "la formation a duré deux jours" and "on a passé trois mois sur la formation". Both durations (not a start: "six months
 * ago"), both plain, and one content word in common once the numbers, their units and the verbs that carry a duration
 * ({@link Frames#took}) are set aside. Two wordings share so little that only durations far apart are compared.
 */
final class Durations {

    /** How far apart (a factor) two durations of one thing told in other words must be to contradict. */
    static final double APART = 4;
    /** The word they share names the thing: a stem this long at least ("audit", "formation"), not "do" or "get". */
    private static final int THING = 4;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Durations() {
    }

    static boolean ofOneThing(Claim a, Claim b) {
        if (!Counts.spans(a, b) || !Subjects.plain(a) || !Subjects.plain(b) || pointInTime(a)
                || pointInTime(b)) {
            return false;
        }
        List<String> x = thing(a, Durations::notThings);
        List<String> y = thing(b, Durations::notThings);
        return x.stream().anyMatch(t -> y.stream().anyMatch(o -> NegationScope.similar(t, o)));
    }

    /**
     * What a duration is not of: the verbs that carry it, and words of how much ("ganze", "whole", "just") that qualify any
     * thing ("eine ganze Baustelle steht still" / "einen ganzen Hotelauftrag verloren" share only "ganz").
     */
    private static List<String> notThings(Frames f) {
        return java.util.stream.Stream.of(f.took(), f.whole(), f.self(), f.merely()).flatMap(List::stream).toList();
    }

    /**
     * How long an event took against when something happened ("la formation a duré deux jours" / "la formation a eu lieu il y
     * a trois mois"): two different measures, whatever their numbers.
     */
    static boolean startAgainstDuration(Claim a, Claim b) {
        return Counts.spans(a, b) && pointInTime(a) != pointInTime(b) && (carries(a) || carries(b));
    }

    /** The stems of the verbs that carry a duration or an amount in {@code language} ({@link Frames#took}), read once. */
    static List<String> carriers(String language) {
        return CARRIERS.computeIfAbsent(language, l -> Frames.of(l).took().stream().flatMap(w -> Analysis.terms(w, l).stream()).distinct().toList());
    }

    private static final java.util.Map<String, List<String>> CARRIERS = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean carries(Claim c) {
        return said(c, Frames::took);
    }

    /**
     * Whether the claim says one of a frame's words, in the language it is read in, in the one its function words point to
     * or in the one it was heard in: a short sentence is often detected as a neighbour ("La formation a eu lieu il y a trois
     * mois" read as Spanish, "Pracuję w tej szkole od 2010 roku" as Czech).
     */
    static boolean said(Claim c, java.util.function.Function<Frames, List<String>> words) {
        String lower = Cues.lower(c.quote());
        for (String language : languages(c)) {
            Cues cues = Cues.of(language);
            if (words.apply(Frames.of(language)).stream().anyMatch(w -> cues.find(lower, w) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** The languages a claim's frame words are looked for in: as read, by its function words, as heard (see {@link #said}). */
    static List<String> languages(Claim c) {
        return ClaimReading.kept(c, ClaimReading.LANGUAGES, Durations::readLanguages);
    }

    /** {@link #languages} read off the claim, once per claim ({@link ClaimReading#kept}). */
    private static List<String> readLanguages(Claim c) {
        return java.util.stream.Stream.of(NegationScope.language(c), NegationScope.byFunctionWords(c.quote()).orElse("en"),
                ClaimReading.heard(c).orElse("en")).distinct().toList();
    }

    /** "Six months ago", "il y a deux mois": a start, which the span rules compare with how long. */
    static boolean pointInTime(Claim c) {
        return said(c, Frames::ago);
    }

    /** The claim's words without its numbers, their units and the frame's own words (the verb that carries the duration). */
    static List<String> thing(Claim c, java.util.function.Function<Frames, List<String>> frame) {
        return thing(Cues.lower(c.quote()), NegationScope.language(c), frame);
    }

    /** The words of {@code lower} without its numbers, their units and the frame's own words, as stems of four letters or more. */
    static List<String> thing(String lower, String language, java.util.function.Function<Frames, List<String>> frame) {
        Cues cues = Cues.of(language);
        List<String> took = frame.apply(Frames.of(language));
        StringBuilder kept = new StringBuilder();
        for (String w : SPACES.split(Rates.without(lower, cues))) {
            if (!w.isBlank() && !took.contains(w) && !cues.numbers().containsKey(w) && cues.units().stream().noneMatch(u -> u.getKey().equals(w))) {
                kept.append(w).append(' ');
            }
        }
        // Unspaced scripts are one "word" a sentence: their frame words and particles are set aside term by term.
        return Analysis.terms(kept.toString(), language).stream().filter(t -> (t.length() >= THING || cues.unspaced())
                && !Words.isStopword(t) && t.chars().noneMatch(Character::isDigit)
                && !(cues.unspaced() && (took.contains(t) || ClaimExtractor.saysNothing(t, language, cues) || t.chars().anyMatch(c -> HanNumerals.numeral((char) c))))).toList();
    }
}
