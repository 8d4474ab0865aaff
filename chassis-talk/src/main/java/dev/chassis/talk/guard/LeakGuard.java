package dev.chassis.talk.guard;

import dev.chassis.core.text.Words;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Checks a reply sentence by sentence before any of it reaches the person, so that the staged context never
 * leaves: the briefing, rules, notes and material (any other session's data staged there), and the guide's
 * questions beyond the one this reply asks and those already asked. A streaming reply's tokens are held back
 * only until the end of their sentence; a sentence that recites is never released, and the reply stops there.
 *
 * <p>A recital is a run of {@value #STAGED_RUN} words in a row from the staged prefix (the opening and the
 * planned questions excepted), or of {@value #QUESTION_RUN} from a planned question that this reply may not
 * ask (a whole question when it is shorter). Build one {@code LeakGuard} per session; it is thread-safe, and what it
 * keeps beyond its construction is each asked question's runs, read once. Each reply gets its own {@link Reply},
 * which is not thread-safe (a reply streams on one thread).
 *
 * <pre>{@code
 * LeakGuard guard = LeakGuard.of(staged.prefix(), List.of(opening), plannedQuestions);
 * LeakGuard.Reply reply = guard.reply(List.of("How did you first set up the app?"));
 * for (String token : tokens) {
 *     if (!reply.accept(token, pipe::send)) { stopTheModel(); break; }
 * }
 * boolean clean = reply.finish(pipe::send);
 * }</pre>
 */
public final class LeakGuard {

    /** Words in a row from the staged prefix that count as recital. */
    public static final int STAGED_RUN = 8;
    /** Words in a row from a planned question that count as asking it. */
    public static final int QUESTION_RUN = 6;
    private static final int MIN_QUESTION = 3;

    private final Set<String> staged;
    private final Set<String> questions;
    // The runs' hash codes: a reply's word runs are looked up by code first, and joined into a string only on a match.
    private final RunHashes stagedCodes;
    private final RunHashes questionCodes;
    /** Per question a reply may ask, its runs that are a planned question's: read once per session, not once per reply. */
    private final Map<String, Set<String>> asked = new ConcurrentHashMap<>();

    private LeakGuard(Set<String> staged, Set<String> questions) {
        this.staged = staged;
        this.questions = questions;
        this.stagedCodes = RunHashes.of(staged);
        this.questionCodes = RunHashes.of(questions);
    }

    /**
     * A guard for one session.
     *
     * @param stagedPrefix what the model was given before the conversation (briefing, rules, notes, questions)
     * @param sayable      what the agent may say verbatim at any time (its opening)
     * @param planned      every question and probe of the plan: each may leave only in the reply that asks it, or after
     */
    public static LeakGuard of(String stagedPrefix, Collection<String> sayable, Collection<String> planned) {
        Set<String> staged = runs(stagedPrefix, STAGED_RUN);
        Set<String> questions = new HashSet<>();
        Set<String> questionParts = new HashSet<>();
        for (String q : planned) {
            questions.addAll(questionRuns(q));
            questionParts.addAll(runs(q, MIN_QUESTION + 2));
        }
        // A run that holds much of a question ("questions: how did you first set up") is the question's to judge.
        staged.removeIf(run -> overlaps(run, questionParts));
        for (String s : sayable) {
            staged.removeAll(runs(s, STAGED_RUN));
            questions.removeAll(questionRuns(s));
        }
        return new LeakGuard(Set.copyOf(staged), Set.copyOf(questions));
    }

    /**
     * A watch over one reply.
     *
     * @param mayAsk the questions this reply may say: the one it asks and those asked before
     */
    public Reply reply(Collection<String> mayAsk) {
        // Nothing is read here: a reply is made on the turn's path, before its request is written, and by turn 400 the
        // questions asked before number hundreds. What they allow is gathered the first time the reply says a run of a
        // planned question, from each question's runs kept since the first reply that could ask it.
        return new Reply(mayAsk);
    }

    /** The runs of {@code question} that are runs of a planned question: all it can allow (the others are never checked). */
    private Set<String> plannedRuns(String question) {
        return asked.computeIfAbsent(question, q -> {
            Set<String> mine = new HashSet<>(questionRuns(q));
            mine.retainAll(questions);
            return Set.copyOf(mine);
        });
    }

    /** One reply's sentences, held until they end and released only when clean. Not thread-safe. */
    public final class Reply {
        private final Collection<String> mayAsk;
        private Set<String> allowed;   // gathered from mayAsk when first needed
        private final StringBuilder held = new StringBuilder();
        private final Deque<String> window = new ArrayDeque<>(STAGED_RUN);
        private boolean leaked;

        private Reply(Collection<String> mayAsk) {
            this.mayAsk = mayAsk;
        }

        private Set<String> allowed() {
            if (allowed == null) {
                Set<String> all = new HashSet<>();
                for (String q : mayAsk) {
                    all.addAll(plannedRuns(q));
                }
                allowed = all;
            }
            return allowed;
        }

        /**
         * Takes the next token; releases every sentence it completes that recites nothing.
         *
         * @return false once the reply has begun to recite: the sentence is withheld and nothing more is released
         */
        public boolean accept(String token, Consumer<String> release) {
            if (leaked) {
                return false;
            }
            held.append(token);
            int end = lastBoundary(held);
            if (end > 0) {
                String sentences = held.substring(0, end);
                if (recites(sentences)) {
                    return false;
                }
                held.delete(0, end);
                release.accept(sentences);
            }
            return true;
        }

        /** The reply ended: checks and releases what is still held. False if it recites. */
        public boolean finish(Consumer<String> release) {
            if (leaked) {
                return false;
            }
            if (!held.isEmpty()) {
                if (recites(held.toString())) {
                    return false;
                }
                release.accept(held.toString());
                held.setLength(0);
            }
            return true;
        }

        /** Whether a sentence was withheld. */
        public boolean leaked() {
            return leaked;
        }

        private boolean recites(String text) {
            List<String> words = Words.words(text);
            for (int i = 0; i < words.size(); i++) {
                window.addLast(words.get(i));
                if (window.size() > STAGED_RUN) {
                    window.removeFirst();
                }
                if ((window.size() == STAGED_RUN && stagedCodes.mayHold(RunHashes.code(window)) && staged.contains(String.join(" ", window)))
                        || asksAnother(words, i)) {
                    leaked = true;
                    return true;
                }
            }
            return false;
        }

        /** Whether the words ending at {@code i} are a run of a planned question this reply may not ask. */
        private boolean asksAnother(List<String> words, int i) {
            for (int n = MIN_QUESTION; n <= QUESTION_RUN && n <= i + 1; n++) {
                if (!questionCodes.mayHold(RunHashes.code(words, i + 1 - n, i + 1))) {
                    continue;
                }
                String run = String.join(" ", words.subList(i + 1 - n, i + 1));
                if (questions.contains(run) && !allowed().contains(run)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The end of the last complete sentence in {@code s} (after its space), or 0. */
    static int lastBoundary(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            boolean closing = c == '。' || c == '！' || c == '？' || c == '\n';
            boolean spaced = (c == '.' || c == '!' || c == '?' || c == '؟' || c == '।' || c == ';' || c == ':')
                    && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1));
            if (closing || spaced) {
                return closing ? i + 1 : i + 2;
            }
        }
        return 0;
    }

    private static boolean overlaps(String run, Set<String> parts) {
        if (parts.isEmpty()) {
            return false;
        }
        String[] w = run.split(" ");
        int n = MIN_QUESTION + 2;
        for (int i = 0; i + n <= w.length; i++) {
            if (parts.contains(String.join(" ", java.util.Arrays.asList(w).subList(i, i + n)))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> runs(String text, int n) {
        List<String> w = Words.words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + n)));
        }
        return out;
    }

    /** A question's runs of {@value #QUESTION_RUN} words, or the whole question when it is shorter. */
    private static Set<String> questionRuns(String question) {
        List<String> w = Words.words(question);
        if (w.size() < MIN_QUESTION) {
            return Set.of(); // "Why?" is anyone's question
        }
        return w.size() < QUESTION_RUN ? Set.of(String.join(" ", w)) : runs(question, QUESTION_RUN);
    }
}
