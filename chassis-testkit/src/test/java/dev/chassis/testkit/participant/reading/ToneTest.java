package dev.chassis.testkit.participant.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneTest {

    @Test
    void empathy_counts_when_it_comes_before_the_question() {
        assertThat(Tone.empathyFirst("I'm so sorry to hear that. Take your time. What happened next?", "en")).isTrue();
        assertThat(Tone.empathyFirst("I'm sorry to hear that, what happened next?", "en")).isTrue();
        assertThat(Tone.empathyFirst("What happened next? I'm sorry.", "en")).isFalse();
        assertThat(Tone.empathyFirst("Thanks, that's very useful. Let's move on. What did you try?", "en")).isFalse();
        assertThat(Tone.empathyFirst("Merci de me confier cela, cela semble vraiment difficile. Prenez votre temps.", "fr")).isTrue();
        assertThat(Tone.empathyFirst("大変でしたね。ゆっくりで大丈夫です。次に何が起きましたか？", "ja")).isTrue();
    }

    @Test
    void praise_specifics_and_contrast_are_recognised() {
        assertThat(Tone.praises("Thank you, that's really useful.", "en")).isTrue();
        assertThat(Tone.praises("Danke, das ist sehr aufschlussreich.", "de")).isTrue();
        assertThat(Tone.specific("Could you walk me through the last time that happened?", "en")).isTrue();
        assertThat(Tone.contrasts("Earlier you mentioned twelve people, and just now forty. Which is closer?", "en")).isTrue();
        assertThat(Tone.contrasts("Antes mencionó doce personas y ahora cuarenta. ¿Cómo encajan?", "es")).isTrue();
    }

    @Test
    void asking_how_two_statements_go_together_reconciles_and_a_follow_up_on_one_said_earlier_does_not() {
        assertThat(Tone.reconciles("Sie sagten zuerst zwölf, jetzt vierzig. Was davon stimmt eher?", "de")).isTrue();
        assertThat(Tone.reconciles("Först sa du tolv och nu fyrtio. Vilket stämmer bäst?", "sv")).isTrue();
        assertThat(Tone.reconciles("Najpierw dwanaście, teraz czterdzieści. Co jest bliższe prawdy?", "pl")).isTrue();
        assertThat(Tone.reconciles("最初は12人、今は40人とのことですが、どちらが近いですか？", "ja")).isTrue();
        assertThat(Tone.reconciles("Antes dijo doce y ahora cuarenta. ¿Cuál es más exacto?", "es")).isTrue();
        assertThat(Tone.reconciles("Sie erwähnten vorhin „den Dienstplan“. Können Sie mehr darüber erzählen?", "de")).isFalse();
        assertThat(Tone.reconciles("Vous avez dit tout à l'heure « le planning ». Pouvez-vous m'en dire plus ?", "fr")).isFalse();
        assertThat(Tone.reconciles("Mencionó «el turno de noche». ¿Qué pasó la última vez?", "es")).isFalse();
    }

    @Test
    void the_form_of_address_is_read_from_pronouns_and_a_sentence_start_tells_nothing_in_german() {
        assertThat(Tone.address("Wie haben Sie die App eingerichtet?", "de")).isEqualTo(Tone.Address.FORMAL);
        assertThat(Tone.address("Wie hast du die App eingerichtet?", "de")).isEqualTo(Tone.Address.INFORMAL);
        assertThat(Tone.address("Sie hat die App eingerichtet.", "de")).isEqualTo(Tone.Address.NONE);
        assertThat(Tone.address("Comment avez-vous commencé ?", "fr")).isEqualTo(Tone.Address.FORMAL);
        assertThat(Tone.address("Comment as-tu commencé ?", "fr")).isEqualTo(Tone.Address.INFORMAL);
    }

    @Test
    void own_words_echoed_are_found_in_any_script() {
        assertThat(Tokens.echo("When you say \"moving our design review checklist\", what do you mean?",
                "The first thing I tried was moving our design review checklist over.", 3)).isEqualTo("moving our design review checklist");
        assertThat(Tokens.echoes("What did you try first?", "The first thing I tried was moving our checklist.", 3)).isFalse();
        assertThat(Tokens.echoes("「毎朝チェックリストを確認」とおっしゃいましたね。", "私は毎朝チェックリストを確認します。", 3)).isTrue();
    }

    @Test
    void content_terms_meet_across_inflections_and_leave_function_words_out() {
        assertThat(Tokens.content("We have 12 people on the team")).containsExactly("12", "peopl", "team");
        assertThat(Tokens.content("Onboarding the teams")).contains("onboa", "teams");
    }
}
