package dev.chassis.talk.language;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which languages the interviewer's own words are in (issue 16.4): each sentence of a reply is recognised
 * on its own, among the study's languages and English (the language a model falls back to), after the
 * person's words it quotes are taken out (a quote stays as they said it). Sentences too short to tell are
 * not judged. A reply is in its language when every sentence that can be told is.
 */
public final class ReplyLanguage {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?…。！？؟।\\n]+[.!?…。！？؟।]*");
    // Text between quotation marks of any of the supported languages' conventions.
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|»[^«]*«|‘[^’]*’|”[^”]*”|「[^」]*」|『[^』]*』");

    private ReplyLanguage() {
    }

    /**
     * The verdict on {@code reply}, which should be in {@code expected}.
     *
     * @param others the languages, other than {@code expected}, whose sentences were found (empty when in language)
     */
    public record Verdict(String expected, Set<String> others, int judged) {

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
        List<Told> told = sentences(reply, expected, study);
        Set<String> others = new LinkedHashSet<>();
        told.stream().filter(t -> !t.language().equals(expected)).forEach(t -> others.add(t.language()));
        return new Verdict(expected, Set.copyOf(others), told.size());
    }

    /** The sentences of {@code reply} not in {@code expected}, for a report. */
    public static List<String> strays(String reply, String expected, Collection<String> study) {
        return sentences(reply, expected, study).stream().filter(t -> !t.language().equals(expected)).map(Told::sentence).toList();
    }

    private record Told(String sentence, String language) { }

    private static List<Told> sentences(String reply, String expected, Collection<String> study) {
        Set<String> candidates = new LinkedHashSet<>(study);
        candidates.add(expected);
        candidates.add("en");
        List<Told> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(QUOTED.matcher(reply == null ? "" : reply).replaceAll(" "));
        while (m.find()) {
            String sentence = m.group().strip();
            String language = Detection.detect(sentence, candidates, true);
            if (language != null) {
                out.add(new Told(sentence, language));
            }
        }
        return out;
    }
}
