package dev.chassis.talk.state;

import java.util.AbstractList;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The questions the agent was directed to ask, in order, with an index by wording (case, spacing and
 * punctuation ignored), so that "was this asked before?" costs the same at turn 1,000 as at turn 1.
 * Extended like {@link AppendOnlyList}, whose rules it follows: a single writer extends the newest
 * list; older lists keep answering for exactly their own questions. Equal to any list of the same
 * questions.
 */
public final class AskedQuestions extends AbstractList<String> implements RandomAccess {

    private final AppendOnlyList<String> questions;
    // Shared along one chain of lists: wording → position of its first ask. A list sees the entries below its size.
    private final Map<String, Integer> firstAsked;

    private AskedQuestions(AppendOnlyList<String> questions, Map<String, Integer> firstAsked) {
        this.questions = questions;
        this.firstAsked = firstAsked;
    }

    /** A new, empty chain (one per session). */
    public static AskedQuestions none() {
        return new AskedQuestions(AppendOnlyList.empty(), new ConcurrentHashMap<>());
    }

    /** This list with {@code question} at the end. Call only on the newest list of a chain. */
    public AskedQuestions plus(String question) {
        firstAsked.putIfAbsent(QuestionWording.key(question), questions.size());
        return new AskedQuestions(questions.plus(question), firstAsked);
    }

    /** Whether a question with this wording (ignoring case, spacing and punctuation) is in this list. */
    public boolean includes(String question) {
        Integer at = firstAsked.get(QuestionWording.key(question));
        return at != null && at < questions.size();
    }

    /** The last question, which must exist. */
    public String last() {
        return questions.last();
    }

    @Override
    public String get(int index) {
        return questions.get(index);
    }

    @Override
    public int size() {
        return questions.size();
    }
}
