package dev.chassis.research.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The plain dialogue format: paragraphs separated by blank lines, each turn starting with a speaker
 * label ({@code Assistant:}, {@code AI:} or {@code Interviewer:} for the interviewer, {@code User:} or
 * {@code Participant:} for the participant). A paragraph without a label continues the turn before it,
 * so multi-paragraph answers stay one turn. Turn text is kept verbatim (only line endings are
 * normalised to {@code \n} and the label and surrounding blanks removed). Thread-safe (stateless).
 *
 * <pre>{@code
 * List<Turn> turns = DialogueText.parse("AI: How was it?\n\nUser: Fine.\n\nMostly.");   // 2 turns
 * }</pre>
 */
public final class DialogueText {

    private static final Map<String, Speaker> LABELS = Map.of(
            "assistant", Speaker.INTERVIEWER, "ai", Speaker.INTERVIEWER, "interviewer", Speaker.INTERVIEWER,
            "user", Speaker.PARTICIPANT, "participant", Speaker.PARTICIPANT);

    private DialogueText() {
    }

    /** Thrown when the text does not begin with a labelled turn. */
    public static final class NoLabelException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoLabelException(String message) {
            super(message);
        }
    }

    /**
     * Parses a dialogue.
     *
     * @throws NoLabelException when the first paragraph has no speaker label, or there are no turns
     */
    public static List<Turn> parse(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        List<Start> starts = new ArrayList<>();
        int lineStart = 0;
        boolean afterBlank = true;
        while (lineStart <= s.length()) {
            int lineEnd = s.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = s.length();
            }
            String line = s.substring(lineStart, lineEnd);
            if (line.isBlank()) {
                afterBlank = true;
            } else {
                Optional<Label> label = afterBlank ? label(line) : Optional.empty();
                if (label.isPresent()) {
                    starts.add(new Start(lineStart, lineStart + label.get().length(), label.get().speaker()));
                } else if (starts.isEmpty()) {
                    throw new NoLabelException("the dialogue must start with a speaker label (AI:, Assistant:, "
                            + "Interviewer:, User: or Participant:), found '" + abbreviate(line.strip()) + "'");
                }
                afterBlank = false;
            }
            lineStart = lineEnd + 1;
        }
        if (starts.isEmpty()) {
            throw new NoLabelException("the dialogue has no turns");
        }
        List<Turn> turns = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1).label() : s.length();
            String body = s.substring(starts.get(i).body(), end).strip();
            turns.add(Turn.of(i + 1, starts.get(i).speaker(), body));
        }
        return turns;
    }

    /** Writes turns back in the dialogue format ({@code AI:} and {@code User:} labels). */
    public static String format(List<Turn> turns) {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(t.speaker() == Speaker.INTERVIEWER ? "AI: " : "User: ").append(t.text());
        }
        return sb.toString();
    }

    private record Start(int label, int body, Speaker speaker) {
    }

    private record Label(Speaker speaker, int length) {
    }

    private static Optional<Label> label(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 12) {
            return Optional.empty();
        }
        Speaker speaker = LABELS.get(line.substring(0, colon).toLowerCase(Locale.ROOT));
        return speaker == null ? Optional.empty() : Optional.of(new Label(speaker, colon + 1));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
