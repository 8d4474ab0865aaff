package dev.chassis.talk.steer;

import dev.chassis.core.text.Words;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises an answer that declines a topic ("I'd rather not talk about pricing", "prefiero no
 * hablar de eso"), from the language's {@link Cues}, and what the topic was: the content words after
 * the refusal, stemmed, so that later questions naming it can be left out.
 */
final class Declining {

    private Declining() {
    }

    /** The declined topic's terms (possibly none: "I'd rather not say"), or empty when the answer declines nothing. */
    static Optional<List<String>> topic(String answer, String language) {
        Cues c = Cues.of(language);
        String lower = Cues.lower(answer);
        for (String phrase : c.refusal()) {
            int at = c.find(lower, phrase);
            if (at < 0) {
                continue;
            }
            String rest = lower.substring(at + phrase.length());
            int end = rest.indexOf('.');
            String clause = end >= 0 ? rest.substring(0, end) : rest;
            Set<String> function = c.function();
            Set<String> refusing = Analysis.termSet(String.join(" ", c.refusal()), language); // "talk", "discuss": not the topic
            List<String> terms = new ArrayList<>();
            for (String t : Analysis.termSet(clause, language)) {
                if (!function.contains(t) && !refusing.contains(t) && !Words.isStopword(t) && terms.size() < 4) {
                    terms.add(t);
                }
            }
            return Optional.of(List.copyOf(terms));
        }
        return Optional.empty();
    }

    /** Whether {@code question} names one of the declined {@code terms}. */
    static boolean names(List<String> terms, String question, String language) {
        return !terms.isEmpty() && Analysis.termSet(question, language).stream().anyMatch(terms::contains);
    }

    /** Roughly how many words an answer has, scripts without spaces included (about three characters a word). */
    static int words(String answer, String language) {
        return Cues.of(language).words(answer);
    }
}
