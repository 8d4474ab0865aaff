package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The questions in interviewer turns, with the answer that followed. Stateless. */
final class Questions {

    private Questions() {
    }

    /**
     * One asked question.
     *
     * @param session  transcript id
     * @param turn     the interviewer's turn
     * @param position 0..1, where in the session it was asked
     * @param text     the question sentences of the turn (the whole turn when none ends with '?')
     * @param answer   the participant's next turn, when there is one
     */
    record Asked(String session, int turn, double position, String text, Optional<Turn> answer) {
    }

    /** The questions of a session; the first and the last interviewer turn (welcome, wrap-up) are left out when asked. */
    static List<Asked> of(Transcript t, boolean skipOpeningAndClosing) {
        List<Turn> asking = t.turns().stream().filter(turn -> !turn.byParticipant()).toList();
        List<Asked> out = new ArrayList<>();
        for (int i = 0; i < asking.size(); i++) {
            if (skipOpeningAndClosing && asking.size() > 2 && (i == 0 || i == asking.size() - 1)) {
                continue;
            }
            Turn q = asking.get(i);
            Optional<Turn> answer = t.turn(q.number() + 1).filter(Turn::byParticipant);
            out.add(new Asked(t.id(), q.number(), (double) q.number() / t.turns().size(), questionPart(q.text(), t), answer));
        }
        return out;
    }

    private static String questionPart(String text, Transcript t) {
        Locale locale = t.language().map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
        List<String> questions = Sentences.of(text, locale).stream().filter(s -> s.endsWith("?")).map(Questions::withoutLeadIn).toList();
        return questions.isEmpty() ? text : String.join(" ", questions);
    }

    /** "Moving on: How often...?" is asked as "How often...?": a short lead-in before a colon is the interviewer's transition. */
    static String withoutLeadIn(String question) {
        int colon = question.indexOf(": ");
        return colon > 0 && colon <= 30 && question.length() - colon > 12 ? question.substring(colon + 2).strip() : question;
    }

    /** How substantive an answer is: 1 for a real answer, 0.5 for a short one, 0.25 for a word or two. */
    static double answerScore(Optional<Turn> answer) {
        int words = answer.map(a -> a.text().split("\\s+").length).orElse(0);
        return words >= 15 ? 1.0 : words >= 5 ? 0.5 : words > 0 ? 0.25 : 0;
    }
}
