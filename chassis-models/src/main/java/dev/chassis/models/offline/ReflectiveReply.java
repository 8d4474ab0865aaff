package dev.chassis.models.offline;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.text.KeyTerms;
import dev.chassis.core.text.Words;
import java.util.List;
import java.util.Locale;

/**
 * What the offline engine says when a prompt carries no intent it can realise: a short, honest,
 * deterministic reply that reflects the user's own words back and asks them to go on. It never
 * pretends to know facts.
 */
final class ReflectiveReply {

    private ReflectiveReply() {
    }

    static String to(Prompt prompt) {
        String user = prompt.lastUserText().strip();
        if (user.isEmpty()) {
            return "Hello. I'm the offline engine: I run without a network. What would you like to talk about?";
        }
        List<String> words = Words.words(user);
        if (words.size() <= 3 && isGreeting(words)) {
            return "Hello! What's on your mind today?";
        }
        List<String> terms = KeyTerms.of(user, 3);
        int turn = userTurns(prompt);
        if (terms.isEmpty()) {
            return turn % 2 == 0 ? "I see. Could you say a little more about that?" : "Go on, I'm listening. What happened next?";
        }
        String focus = terms.getFirst();
        if (user.endsWith("?")) {
            return "You're asking about " + join(terms) + ". I'm the offline engine, so I can't look anything up, "
                    + "but I can think it through with you: what do you already know about " + focus + "?";
        }
        return switch (turn % 3) {
            case 0 -> "You mentioned " + join(terms) + ". What matters most to you about " + focus + "?";
            case 1 -> "Tell me more about " + focus + ". How did that come about?";
            default -> "That's helpful. When you think of " + focus + ", what is one concrete example?";
        };
    }

    private static boolean isGreeting(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT))
                .anyMatch(w -> w.equals("hi") || w.equals("hello") || w.equals("hey") || w.equals("hallo")
                        || w.equals("bonjour") || w.equals("hola") || w.equals("olá"));
    }

    private static int userTurns(Prompt prompt) {
        int n = 0;
        for (Message m : prompt.messages()) {
            if (m instanceof Message.UserMessage) {
                n++;
            }
        }
        return n;
    }

    private static String join(List<String> terms) {
        if (terms.size() == 1) {
            return "\"" + terms.getFirst() + "\"";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                sb.append(i == terms.size() - 1 ? " and " : ", ");
            }
            sb.append('"').append(terms.get(i)).append('"');
        }
        return sb.toString();
    }
}
