package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.language.Languages;
import org.junit.jupiter.api.Test;

/** A repeated question asked briefly keeps the session's language: every supported language has its own lead-ins. */
class BrieflyLeadInsTest {

    @Test
    void every_supported_language_has_its_own_lead_ins_for_a_brief_question() {
        assertThat(Languages.CODES).allSatisfy(code -> assertThat(QuestionPlan.asksBrieflyIn(code)).as(code).isTrue());
    }
}
