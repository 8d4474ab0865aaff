package dev.chassis.talk.state;

import java.util.concurrent.ConcurrentHashMap;

/** What makes two questions the same question: their letters and digits, in lower case, one space between words. */
public final class QuestionWording {

    // Questions repeat across turns and sessions; each is reduced once. Bounded: cleared when large.
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

    private QuestionWording() {
    }

    /** The wording of {@code question}: lower case, letters and digits only, single spaces. */
    public static String key(String question) {
        String k = KEYS.get(question);
        if (k == null) {
            if (KEYS.size() > 20_000) {
                KEYS.clear();
            }
            k = reduce(question);
            KEYS.put(question, k);
        }
        return k;
    }

    private static String reduce(String q) {
        StringBuilder sb = new StringBuilder(q.length());
        boolean space = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return sb.toString();
    }
}
