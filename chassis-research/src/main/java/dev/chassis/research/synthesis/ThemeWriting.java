package dev.chassis.research.synthesis;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import java.util.List;

/**
 * The prompt of the theme-writing step: the intent, the groups with their cited statements, and on a
 * retry the gate's findings about the previous answer. Stateless.
 */
public final class ThemeWriting {

    /** Statements shown per group: enough to choose quotes from, few enough for any context window. */
    static final int STATEMENTS_SHOWN = 14;

    private ThemeWriting() {
    }

    /** The prompt for an attempt; {@code feedback} is empty on the first attempt. */
    public static Prompt prompt(ThemeWritingIntent intent, List<String> feedback) {
        StringBuilder data = new StringBuilder();
        data.append(intent.sessionsTotal()).append(" sessions were analysed.\n");
        for (Cluster c : intent.clusters()) {
            data.append("\nGroup ").append(c.index()).append(" (").append(c.members().size()).append(" statements from ")
                    .append(c.sessions()).append(" sessions; key terms: ").append(String.join(", ", c.keyTerms())).append(")\n");
            c.members().stream().limit(STATEMENTS_SHOWN).forEach(s -> data.append("- [").append(s.session()).append('#')
                    .append(s.turn()).append("] ").append(s.text().replace('\n', ' ')).append('\n'));
        }
        if (!feedback.isEmpty()) {
            data.append("\nYour previous answer was refused:\n");
            feedback.forEach(f -> data.append("- ").append(f).append('\n'));
            data.append("Answer again with the whole JSON, fixing these.\n");
        }
        return Prompt.of(Message.system(intent.render()), Message.user(data.toString())).withIntent(intent);
    }
}
