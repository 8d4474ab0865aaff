package dev.chassis.research.synthesis;

import dev.chassis.research.synthesis.phrase.KeyPhrases;
import dev.chassis.research.synthesis.phrase.Phrase;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The participant statements worth grouping. A sentence counts when it says something of its own:
 * at least one key phrase or three content words once the words of the question it answers are
 * taken out (an answer repeats its question: "a recent project I worked on..."), and it is not itself
 * a question. A phrase the interviewer brought up, rather than repeated after the participant, is left
 * out of every later answer of the session too: "traditional approach" asked once names no theme. Greetings, consent, thanks and filler ("That's a good question", "Sounds good, no
 * questions") carry neither and fall away in every language. A statement starts after the sentence's spoken openers
 * ({@link Openers}: "Like I said, ..."), so that it quotes what was said. Interviewer turns are never statements.
 * Stateless; sessions are read in id order, so the result does not depend on the order given.
 */
final class Statements {

    /** Content words a sentence needs when it has no key phrase. */
    static final int MIN_LEMMAS = 3;
    /** Below this many sessions, "more than half of them" says nothing about a study's subject. */
    static final int TOPIC_FROM = 10;

    private Statements() {
    }

    /**
     * What the participants said.
     *
     * @param statements the statements, by session id then turn
     * @param topic      words more than half of the sessions used (from ten sessions on): the study's subject
     *                   ("AI" in a study of AI use), which alone names no theme
     * @param languages  each session's language, by session id
     */
    record Read(List<Statement> statements, Set<String> topic, Map<String, String> languages) {
    }

    static List<Statement> of(List<Transcript> transcripts) {
        return read(transcripts).statements();
    }

    static Read read(List<Transcript> transcripts) {
        List<Transcript> sorted = transcripts.stream().sorted(Comparator.comparing(Transcript::id)).toList();
        List<Session> sessions = sorted.parallelStream().map(Statements::of).toList();
        Map<String, Integer> usedBy = new HashMap<>();
        sessions.forEach(s -> s.words().forEach(w -> usedBy.merge(w, 1, Integer::sum)));
        Set<String> topic = new HashSet<>();
        if (sessions.size() >= TOPIC_FROM) {
            usedBy.forEach((w, n) -> {
                if (n > Clustering.TOPIC_SHARE * sessions.size()) {
                    topic.add(w);
                }
            });
        }
        Map<String, String> languages = new HashMap<>();
        sessions.forEach(s -> languages.put(s.id(), s.language()));
        return new Read(sessions.stream().flatMap(s -> s.statements().stream()).toList(), Set.copyOf(topic), Map.copyOf(languages));
    }

    /** A phrase of the interviewer's, with the words in it the participant had not said before. */
    private record Introduced(Set<String> words, Set<String> fresh) {

        /** Whether an answer's phrase is this one's (or part of it) and carries a word the interviewer brought. */
        boolean covers(List<String> phrase) {
            return words.containsAll(phrase) && phrase.stream().anyMatch(fresh::contains);
        }
    }

    /** One session's statements, and every content word its participant used. */
    private record Session(String id, String language, List<Statement> statements, Set<String> words) {
    }

    private static Session of(Transcript t) {
        String language = SessionLanguage.of(t);
        KeyPhrases reader = KeyPhrases.forLanguage(language);
        Locale locale = Locale.forLanguageTag(language);
        List<Statement> out = new ArrayList<>();
        Set<String> words = new HashSet<>();
        // Phrases the interviewer brought up (not repeating the participant) are theirs in every later answer.
        List<Introduced> introduced = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Turn turn : t.turns()) {
            if (!turn.byParticipant()) {
                for (String sentence : Sentences.of(turn.text(), locale)) {
                    for (Phrase p : reader.analyse(sentence).phrases()) {
                        Set<String> asked = new HashSet<>(List.of(p.key().split(" ")));
                        Set<String> fresh = new HashSet<>(asked);
                        fresh.removeAll(said);
                        if (!fresh.isEmpty()) {
                            introduced.add(new Introduced(asked, fresh));
                        }
                    }
                }
                continue;
            }
            Set<String> askedWords = t.turn(turn.number() - 1).filter(q -> !q.byParticipant())
                    .map(q -> reader.words(q.text())).orElse(Set.of());
            for (String sentence : Sentences.of(turn.text(), locale)) {
                if (sentence.endsWith("?") || sentence.endsWith("？")) {
                    continue;
                }
                KeyPhrases.Analysed a = reader.analyse(sentence);
                words.addAll(a.lemmas());
                said.addAll(a.lemmas());
                a.phrases().forEach(p -> said.addAll(List.of(p.key().split(" "))));
                List<Phrase> own = a.phrases().stream()
                        .filter(p -> !askedWords.containsAll(List.of(p.key().split(" "))))
                        .filter(p -> introduced.stream().noneMatch(q -> q.covers(List.of(p.key().split(" "))))).toList();
                List<Phrase> content = a.words().stream().filter(w -> !askedWords.contains(w.key())).toList();
                Optional<String> quotable = Openers.quotable(sentence, language);
                // A sentence that declines to answer ("It depends on the project.") belongs to no theme, whatever it names.
                if (quotable.isPresent() && !NonAnswers.is(quotable.get(), language) && (!own.isEmpty() || content.size() >= MIN_LEMMAS)) {
                    out.add(new Statement(t.id(), turn.number(), quotable.get(), own, content));
                }
            }
        }
        return new Session(t.id(), language, out, words);
    }
}
