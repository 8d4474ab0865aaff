package dev.chassis.testkit.participant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.participant.AnswerNote.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviours the persona format describes, each on the example persona that shows it. */
class ParticipantBehaviourTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/personas");

    private static SyntheticParticipant participant(String name) {
        return new SyntheticParticipant(PersonaFile.load(EXAMPLES.resolve(name + ".yaml")), 1);
    }

    private static AnswerNote ask(SyntheticParticipant p, String question) {
        p.answer(question);
        return p.notes().getLast();
    }

    @Test
    void a_drifter_wanders_to_her_pet_topic_every_third_answer_after_a_sentence_on_the_question() {
        SyntheticParticipant p = participant("dog-owner-drifter");
        List<AnswerNote> notes = List.of(ask(p, "How did you set up the app?"), ask(p, "What did you try first?"),
                ask(p, "When did it feel useful?"), ask(p, "How often do you use it?"), ask(p, "What would you change?"),
                ask(p, "How did you decide on a plan?"));
        assertThat(notes).extracting(n -> n.is(Kind.DRIFT)).containsExactly(false, false, true, false, false, true);
        assertThat(notes.get(2).text()).startsWith("The day a patient called back").contains("Biscuit");
        assertThat(notes.get(2).substantive()).isFalse();
    }

    @Test
    void a_baseline_length_trims_answers_to_whole_sentences_and_a_specific_question_gets_more() {
        SyntheticParticipant p = participant("dog-owner-drifter");
        String plain = ask(p, "How did you set up the app?").text();
        assertThat(plain).isEqualTo("I set it up for the front desk on a quiet Thursday. Three of us share the reception, so we needed one place "
                + "for callbacks.");
        SyntheticParticipant q = participant("terse-dislikes-parroting");
        String terse = ask(q, "How did you set up the app?").text();
        SyntheticParticipant r = participant("terse-dislikes-parroting");
        String specific = ask(r, "Walk me through the last time you set something up in the app, for example.").text();
        assertThat(terse).isEqualTo("Hospital IT did it. I got a login.");
        assertThat(specific.split(" ").length).isGreaterThan(terse.split(" ").length);
    }

    @Test
    void the_wrong_form_of_address_costs_engagement() {
        double formal = participant("formal-controller-de").answer("Wie haben Sie die App eingerichtet?").engagement();
        double informal = participant("formal-controller-de").answer("Wie hast du die App eingerichtet?").engagement();
        assertThat(informal).isLessThan(formal);
    }

    @Test
    void a_hard_moment_acknowledged_first_lifts_engagement_and_a_cold_question_keeps_them_closed() {
        SyntheticParticipant warm = participant("grieving-teacher");
        SyntheticParticipant cold = participant("grieving-teacher");
        assertThat(ask(warm, "How did you first set up the app?").is(Kind.EMOTIONAL)).isTrue();
        assertThat(ask(cold, "How did you first set up the app?").is(Kind.EMOTIONAL)).isTrue();
        AnswerNote afterWarm = ask(warm, "I'm so sorry about Margaret, that sounds really hard. Take your time. What did you try first?");
        AnswerNote afterCold = ask(cold, "What did you try first?");
        assertThat(afterWarm.engagement()).isGreaterThan(afterCold.engagement());
        // The story behind the rota comes out only where the moment was acknowledged.
        assertThat(ask(warm, "Tell me about the rota, for example the last time you changed it.").is(Kind.FACT)).isTrue();
        assertThat(ask(cold, "Tell me about the rota, for example the last time you changed it.").is(Kind.FACT)).isFalse();
    }

    @Test
    void quoting_her_own_words_back_annoys_a_persona_who_dislikes_it_and_a_specific_question_pleases_her() {
        SyntheticParticipant p = participant("terse-dislikes-parroting");
        double start = ask(p, "What did you try first?").engagement();
        double parroted = ask(p, "You said \"Hospital IT did it\" — what makes you say that?").engagement();
        double specific = ask(p, "Could you give me an example of the last time the ward Wi-Fi let you down?").engagement();
        assertThat(parroted).isLessThan(start);
        assertThat(specific).isGreaterThan(parroted);
    }

    @Test
    void after_a_switch_she_answers_by_topic_in_the_new_language_with_her_fact_and_contradiction_carried_over() {
        SyntheticParticipant p = participant("spanish-switch-carried");
        ask(p, "How did you set it up?");
        assertThat(ask(p, "What did you try first?").is(Kind.CONTRADICTION_EARLY)).isTrue();
        ask(p, "Who is on your team?");
        AnswerNote useful = ask(p, "¿Cuándo le resultó útil?");
        assertThat(useful.language()).isEqualTo("es");
        assertThat(useful.text()).startsWith("Cuando la florista");
        double inEnglish = ask(p, "How often do you use it?").engagement();
        assertThat(inEnglish).isLessThan(useful.engagement());
        AnswerNote fact = ask(p, "¿Qué pasó con los correos de los proveedores?");
        assertThat(fact.fact()).hasValue(0);
        assertThat(fact.text()).contains("Un catering nunca consiguió entrar").contains("Somos quince en la oficina");
        assertThat(fact.is(Kind.CONTRADICTION_LATE)).isTrue();
        assertThat(p.contradictionAt()).isEqualTo(6);
    }

    @Test
    void a_code_switcher_mixes_words_of_another_language_into_answers_in_her_own() {
        SyntheticParticipant p = participant("spanglish-code-switcher");
        AnswerNote first = ask(p, "How did you set it up?");
        AnswerNote second = ask(p, "What did you try first?");
        assertThat(first.is(Kind.CODE_SWITCH)).isFalse();
        assertThat(second.is(Kind.CODE_SWITCH)).isTrue();
        assertThat(second.language()).isEqualTo("en");
        assertThat(second.mixedIn()).hasValue("es");
        assertThat(second.text()).contains("O sea, la verdad es que sí.");
    }

    @Test
    void a_refused_topic_is_declined_and_asking_again_costs_more() {
        SyntheticParticipant p = participant("pricing-refuser");
        ask(p, "How did you set it up?");
        AnswerNote refused = ask(p, "How did your team decide which plan to pay for?");
        assertThat(refused.is(Kind.REFUSAL)).isTrue();
        assertThat(refused.refusal()).hasValue(0);
        AnswerNote again = ask(p, "And what about the budget?");
        assertThat(again.is(Kind.REFUSAL_REPEATED)).isTrue();
        assertThat(again.engagement()).isLessThan(refused.engagement() - 0.3);
    }

    @Test
    void a_fraudulent_participant_says_generic_lines_whatever_is_asked_and_still_contradicts_herself() {
        SyntheticParticipant p = participant("fraudulent-reseller");
        for (String q : List.of("How did you set it up?", "How big is your team?", "When was it useful?", "How often do you use it?",
                "What would you change?")) {
            p.answer(q);
        }
        assertThat(p.notes()).allMatch(n -> !n.is(Kind.FACT) && !n.is(Kind.TOPIC));
        assertThat(p.contradictionStated()).isTrue();
        assertThat(String.join(" ", p.notes().stream().map(AnswerNote::text).toList())).contains("about two hundred people")
                .contains("just me and one freelancer");
    }
}
