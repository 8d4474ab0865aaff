package dev.chassis.talk.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which languages the interviewer's own words are in (issue 16.4): each sentence of a reply is recognised
 * on its own, among the study's languages and English (the language a model falls back to), after the
 * person's words it quotes are taken out (a quote stays as they said it). Sentences too short to tell are
 * not judged. A reply is in its language when every sentence that can be told is.
 */
public final class ReplyLanguage {

    // Text between quotation marks of any of the supported languages' conventions.
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|»[^«]*«|‘[^’]*’|”[^”]*”|「[^」]*」|『[^』]*』");

    private ReplyLanguage() {
    }

    /**
     * The verdict on {@code reply}, which should be in {@code expected}.
     *
     * @param others the languages, other than {@code expected}, whose sentences were found (empty when in language)
     * @param judged how many sentences could be told
     * @param strays the sentences in another language, in order
     */
    public record Verdict(String expected, Set<String> others, int judged, List<String> strays) {

        /** Every sentence that could be told is in the expected language. */
        public boolean inLanguage() {
            return others.isEmpty();
        }

        /** Sentences in the expected language and in another. */
        public boolean mixed() {
            return !others.isEmpty() && judged > others.size();
        }
    }

    /** Checks {@code reply} against {@code expected}, telling languages among {@code study} and English. */
    public static Verdict check(String reply, String expected, Collection<String> study) {
        return check(reply, expected, study, true);
    }

    /**
     * {@link #check(String, String, Collection)}; with {@code wait} false (on a turn's path) sentences whose
     * language needs models still loading are not judged.
     */
    public static Verdict check(String reply, String expected, Collection<String> study, boolean wait) {
        return check(sentences(reply, expected, study, wait, true), expected);
    }

    /** {@link #check} by script and function words only ({@link Detection#quick}): for a turn's path, never Lingua. */
    public static Verdict quick(String reply, String expected, Collection<String> study) {
        return check(sentences(reply, expected, study, false, false), expected);
    }

    private static Verdict check(List<Told> told, String expected) {
        Set<String> others = new LinkedHashSet<>();
        List<String> strays = new ArrayList<>();
        for (Told t : told) {
            if (!t.language().equals(expected)) {
                others.add(t.language());
                strays.add(t.sentence());
            }
        }
        return new Verdict(expected, Set.copyOf(others), told.size(), List.copyOf(strays));
    }

    private record Told(String sentence, String language) { }

    private static List<Told> sentences(String reply, String expected, Collection<String> study, boolean wait, boolean lingua) {
        Set<String> candidates = new LinkedHashSet<>(study);
        candidates.add(expected);
        candidates.add("en");
        List<Told> out = new ArrayList<>();
        for (String found : Runs.sentences(QUOTED.matcher(reply == null ? "" : reply).replaceAll(" "), Runs.ENDS_WITH_ELLIPSIS, true)) {
            String sentence = found.strip();
            String language = lingua ? Detection.detect(sentence, candidates, wait) : Detection.quick(sentence, candidates);
            if (language != null) {
                out.add(new Told(sentence, language));
            }
        }
        return out;
    }
}
