package dev.chassis.research.eval.score;

import static dev.chassis.testkit.participant.AnswerNote.Kind.CONTRADICTION_EARLY;
import static dev.chassis.testkit.participant.AnswerNote.Kind.CONTRADICTION_LATE;
import static dev.chassis.testkit.participant.AnswerNote.Kind.EMOTIONAL;
import static dev.chassis.testkit.participant.AnswerNote.Kind.FILLER;
import static dev.chassis.testkit.participant.AnswerNote.Kind.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scorers on interviews written by hand, where the right judgment is known. */
class ScoringTest {

    private static Conversation contradicting() {
        return new Conversation().ai("How did you set up the app?").p("I set it up alone on a Sunday evening.", TOPIC)
                .ai("What did you try first?")
                .planted("I tried the checklists. We have 12 people on the team.", "We have 12 people on the team.", TOPIC, CONTRADICTION_EARLY)
                .ai("When did the app first feel useful?").p("When the client comments landed next to the frames.", TOPIC)
                .ai("What were you doing at that moment?")
                .planted("Presenting. With 40 people on the team it gets hard to keep everyone aligned.",
                        "With 40 people on the team it gets hard to keep everyone aligned.", TOPIC, CONTRADICTION_LATE);
    }

    @Test
    void a_contradiction_is_put_back_when_a_turn_within_three_presents_both_statements() {
        SessionScore s = contradicting().ai("Thanks. Earlier you said 12 people, and now 40. Which is closer?").p("Twelve, really.", TOPIC)
                .ai("That's everything, thank you.").score();
        assertThat(s.contradiction().stated()).isTrue();
        assertThat(s.contradiction().putBackAt()).hasValue(4);
        assertThat(s.contradiction().alarms()).isEmpty();
        assertThat(s.parts()).containsEntry("contradiction", 1.0);
    }

    @Test
    void naming_one_statement_puts_it_back_only_when_asking_how_the_two_fit_not_in_a_follow_up_on_it() {
        SessionScore fits = contradicting().ai("Thanks. Earlier you said 12 people on the team. How does that fit with what you just told me?")
                .p("Twelve, really.", TOPIC).ai("That's everything, thank you.").score();
        assertThat(fits.contradiction().putBack()).isTrue();
        // "Earlier you mentioned" and a question about one statement is a follow-up on it, not the two set side by side.
        SessionScore probe = contradicting().ai("You mentioned earlier \"it gets hard to keep everyone aligned\". What is a recent example of that?")
                .p("Last week.", TOPIC).ai("That's everything, thank you.").score();
        assertThat(probe.contradiction().putBack()).isFalse();
        SessionScore french = contradicting().ai("Vous avez dit tout à l'heure « it gets hard to keep everyone aligned ». Pouvez-vous m'en dire plus ?")
                .p("Oui.", TOPIC).ai("Merci.").score();
        assertThat(french.contradiction().putBack()).isFalse();
    }

    @Test
    void a_contradiction_put_back_too_late_or_never_counts_as_missed() {
        SessionScore late = contradicting().ai("How did your team decide which plan to pay for?").p("fine", FILLER).ai("Anything else?")
                .p("fine", FILLER).ai("What else?").p("fine", FILLER)
                .ai("Earlier you said 12 people, and now 40. Which is closer?").p("Twelve.", TOPIC).ai("Thank you.").score();
        assertThat(late.contradiction().putBack()).isFalse();
        assertThat(late.parts()).containsEntry("contradiction", 0.0);
    }

    @Test
    void setting_two_unrelated_answers_against_each_other_is_a_false_alarm_and_a_back_reference_is_not() {
        SessionScore alarm = new Conversation().ai("How did you set up the app?").p("I did not set it up myself, IT did it for us.", TOPIC)
                .ai("What did you try first?").p("I did not try the calendar, only the task board.", TOPIC)
                .ai("Earlier you said IT set it up for you, and just now that you did not try the calendar. How do those fit together?")
                .p("They are different things.", TOPIC).ai("Thank you.").score();
        assertThat(alarm.contradiction().stated()).isFalse();
        assertThat(alarm.contradiction().alarms()).containsExactly(2);
        assertThat(alarm.parts().get("contradiction")).isEqualTo(0.5);
        SessionScore probe = new Conversation().ai("How did you set up the app?").p("I invited two freelancers and they saw everything.", TOPIC)
                .ai("What did you try first?").p("The task board.", TOPIC)
                .ai("Earlier you mentioned the two freelancers. What happened then?").p("We fixed it.", TOPIC).ai("Thank you.").score();
        assertThat(probe.contradiction().alarms()).isEmpty();
        assertThat(probe.parts()).doesNotContainKey("contradiction");
    }

    @Test
    void after_a_switch_every_turn_must_be_in_the_new_language_and_none_mixed() {
        SessionScore s = new Conversation().ai("How did you set up the app?").p("With a colleague, in one afternoon.", TOPIC)
                .speaking("es").ai("What did you try first?").p("Perdón, prefiero seguir en español. Probamos la lista de proveedores.", TOPIC)
                .ai("Claro, sigamos en español. In a sentence or two: what changed for your team?").p("Todo es más rápido.", TOPIC)
                .ai("¿Cuándo le resultó útil la aplicación por primera vez?").p("Cuando los proveedores vieron el calendario.", TOPIC)
                .ai("Muchas gracias por su tiempo.").score();
        assertThat(s.language().misses()).containsExactly(2);
        assertThat(s.language().mixed()).isEqualTo(1);
        assertThat(s.language().afterSwitch()).isEqualTo(3);
        assertThat(s.language().afterSwitchInLanguage()).isEqualTo(2);
    }

    @Test
    void where_the_guide_has_their_language_an_answer_in_the_guides_first_language_is_a_miss() {
        SessionScore s = new Conversation().guide(Conversation.IN_SPANISH_TOO).ai("How did you set up the app?").p("With a colleague, in one afternoon.", TOPIC)
                .speaking("es").ai("What did you try first?").p("Perdón, prefiero seguir en español. Probamos la lista de proveedores.", TOPIC)
                .ai("¿Qué probaron primero con la aplicación?").p("La lista de proveedores, sobre todo.", TOPIC)
                .ai("When did the app first feel useful to you?").p("Cuando los proveedores vieron el calendario.", TOPIC).score();
        assertThat(s.language().misses()).containsExactly(3);
        assertThat(s.language().afterSwitch()).isEqualTo(2);
        assertThat(s.language().afterSwitchInLanguage()).isEqualTo(1);
    }

    @Test
    void without_the_guides_text_in_their_language_one_notice_in_it_and_the_guides_language_after_it_are_right() {
        // Offline nothing translates the guide: the interviewer says once, in Greek, that it carries on in English (issue 13.7).
        SessionScore s = new Conversation().ai("How did you set up the app?").p("With a colleague, in one afternoon.", TOPIC)
                .speaking("el").ai("What did you try first?").p("Το στήσαμε πρώτα για τη ρεσεψιόν, οι γιατροί ήρθαν αργότερα.", TOPIC)
                .ai("Λυπάμαι, μπορώ να κάνω αυτή τη συνέντευξη μόνο στα αγγλικά, οπότε θα συνεχίσω στα αγγλικά.")
                .p("Κάθε πρωί στις οκτώ, και το αποφεύγουμε για τους ασθενείς.", TOPIC)
                .ai("When did the app first feel useful to you?").p("Όταν ένας γιατρός άλλαξε βάρδια στον πίνακα.", TOPIC)
                .ai("Thank you. Λυπάμαι, θα συνεχίσω στα αγγλικά. What were you doing at that moment?").score();
        assertThat(s.language().afterSwitch()).isEqualTo(3);
        assertThat(s.language().afterSwitchInLanguage()).isEqualTo(2);
        assertThat(s.language().mixed()).isEqualTo(1);
        assertThat(s.language().misses()).containsExactly(4);
    }

    @Test
    void a_hard_moment_is_acknowledged_only_by_empathy_before_any_question_never_by_praise() {
        String hard = "A patient came to harm because the schedule was wrong, and I still think about it.";
        SessionScore cold = new Conversation().ai("What got in your way?").p(hard, EMOTIONAL)
                .ai("\"the schedule was wrong\" — what makes you say that?").p("It was wrong.", TOPIC).ai("Thanks, that's very useful. Let's move on.")
                .score();
        SessionScore praised = new Conversation().ai("What got in your way?").p(hard, EMOTIONAL)
                .ai("Thanks, that's really useful. What did you try first?").p("The board.", TOPIC).ai("Thank you.").score();
        SessionScore warm = new Conversation().ai("What got in your way?").p(hard, EMOTIONAL)
                .ai("I'm so sorry, that sounds really hard. Take your time. When you're ready, what happened after that?").p("We changed it.", TOPIC)
                .ai("Thank you.").score();
        assertThat(cold.conversation().acknowledged()).isZero();
        assertThat(praised.conversation().acknowledged()).isZero();
        assertThat(praised.conversation().unfitting()).isEqualTo(1);
        assertThat(warm.conversation().acknowledged()).isEqualTo(1);
        assertThat(warm.parts()).containsEntry("emotion", 1.0);
    }

    @Test
    void a_refused_topic_asked_again_is_counted_but_saying_it_will_be_skipped_is_not() {
        SessionScore s = new Conversation().ai("How did you set up the app?").p("Alone, on a Sunday.", TOPIC)
                .ai("How did your team decide which plan to pay for?").refuses("I'd rather not talk about pricing.", 0)
                .ai("Of course, we can skip pricing. When did the app first feel useful?").p("When the client saw the board.", TOPIC)
                .ai("And what do you think of the price of the plan?").refuses("I'd rather not talk about pricing.", 0)
                .ai("Thank you.").score();
        assertThat(s.conversation().refused()).isEqualTo(1);
        assertThat(s.conversation().reasked()).isEqualTo(1);
        assertThat(s.parts()).containsEntry("refusals", 0.0);
    }

    @Test
    void quotes_cut_in_the_middle_of_a_phrase_are_counted() {
        SessionScore s = new Conversation().ai("How did you set up the app?")
                .p("The first thing was importing our old boards, which took most of the evening.", TOPIC)
                .ai("\"first thing was importing our old\" — what makes you say that?").p("It was slow.", TOPIC)
                .ai("You said \"importing our old boards\". What made it slow?").p("The size.", TOPIC).ai("Thank you.").score();
        assertThat(s.conversation().quotes()).isEqualTo(2);
        assertThat(s.conversation().quotesCut()).isEqualTo(1);
    }

    @Test
    void a_quote_that_ends_right_before_a_determiner_is_cut_in_the_middle_of_a_phrase() {
        SessionScore s = new Conversation().ai("How did you set up the app?")
                .p("The first thing I tried was moving our design review checklist over.", TOPIC)
                .ai("Going back to \"first thing I tried was moving\": what did you expect?").p("That it would be quick.", TOPIC)
                .ai("\"moving our design review checklist over\" — how did that go?").p("Slowly.", TOPIC)
                .ai("You said \"design review checklist\" — what was on it?").p("Steps.", TOPIC).ai("Thank you.").score();
        assertThat(s.conversation().quotes()).isEqualTo(3);
        assertThat(s.conversation().quotesCut()).as("only the one that leaves 'moving' without what was moved").isEqualTo(1);
    }

    @Test
    void leading_double_barrelled_closed_and_repeated_questions_and_stock_transitions_are_counted() {
        SessionScore s = new Conversation().ai("Don't you think the setup was easy?").p("fine", FILLER)
                .ai("Thanks, that's helpful. How did you set it up, and what did you try first?").p("Alone. The board.", TOPIC)
                .ai("Thanks, that's helpful. Do you use the calendar?").p("No.", TOPIC)
                .ai("How did you set it up, and what did you try first?").p("Like I said.", TOPIC)
                .ai("When did the app first feel useful?").p("Last week.", TOPIC).ai("Thank you.").score();
        assertThat(s.questions().asked()).isEqualTo(5);
        assertThat(s.questions().leading()).isEqualTo(1);
        assertThat(s.questions().doubleBarrelled()).isEqualTo(2);
        assertThat(s.questions().closed()).isEqualTo(2);
        assertThat(s.questions().repeated()).isEqualTo(1);
        assertThat(s.questions().stock()).isEqualTo(1);
    }

    @Test
    void an_interview_closed_early_with_a_priority_objective_shallow_is_cut_short_and_fillers_never_count_as_depth() {
        SessionScore s = new Conversation().ai("How did you set up the app?").p("Alone, on a Sunday evening, with the import.", TOPIC)
                .ai("What did you try first?").p("The checklist for design reviews.", TOPIC)
                .ai("When did the app first feel useful?").p("fine", FILLER)
                .ai("Thank you, that's all.").score();
        assertThat(s.depth().depth()).containsEntry("start", 2).containsEntry("value", 0);
        assertThat(s.depth().shallow()).containsExactly("value");
        assertThat(s.depth().cutShort()).isTrue();
        assertThat(s.depth().used()).isEqualTo(0.15);
        assertThat(s.parts().get("time")).isCloseTo(0.15 / 0.7, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void a_question_that_names_an_objective_by_its_title_is_about_it_whatever_planned_question_of_another_it_sounds_like() {
        // "what were you doing at that moment?" is the value objective's planned probe, word for word; the question names
        // getting started, and the answer is about the start.
        SessionScore s = new Conversation().ai("How did you set up the app?").p("Alone, on a Sunday evening, with the import.", TOPIC)
                .ai("Getting started: what were you doing at that moment?").p("Importing last year's invoices from a spreadsheet.", TOPIC)
                .ai("What were you doing at that moment?").p("Presenting the frames to the client.", TOPIC)
                .ai("Thank you, that's all.").score();
        assertThat(s.depth().depth()).containsEntry("start", 2).containsEntry("value", 1);
    }

    @Test
    void hidden_facts_elicited_are_counted_once_each() {
        SessionScore s = new Conversation().ai("How do your clients react?").fact("A client almost left.", 0)
                .ai("Tell me more about that client.").fact("A client almost left.", 0).ai("Thank you.").score();
        assertThat(s.factsElicited()).hasValue(1.0);
    }

    @Test
    void an_objective_the_participant_declined_is_not_shallow_when_the_interview_ends_early() {
        SessionScore s = new Conversation().ai("How did you set up the app?").p("Alone, on a Sunday evening, with the import.", TOPIC)
                .ai("What did you try first?").p("The checklist for design reviews.", TOPIC)
                .ai("When did the app first feel useful?").p("I'd rather not go into that.", dev.chassis.testkit.participant.AnswerNote.Kind.REFUSAL)
                .ai("Thank you, that's all.").score();
        assertThat(s.depth().depth()).containsEntry("value", 0);
        assertThat(s.depth().shallow()).doesNotContain("value");
        assertThat(s.depth().cutShort()).isFalse();
    }
}
