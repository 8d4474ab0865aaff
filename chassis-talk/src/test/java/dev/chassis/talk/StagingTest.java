package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.token.Tokenizers;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.CulturalPacks;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.stage.Stager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagingTest {

    private final Briefing briefing = Fixtures.briefing();

    @Test
    void staging_packs_rules_objectives_culture_background_and_guide_in_a_stable_prefix() {
        StagedContext a = new Stager(Tokenizers.defaultTokenizer(), 2_500).stage(briefing);
        StagedContext b = new Stager(Tokenizers.defaultTokenizer(), 2_500).stage(briefing);
        assertThat(a.prefix()).isEqualTo(b.prefix());
        assertThat(a.included()).contains("role", "rules", "objectives", "culture:en", "background", "guide:start", "guide:habits");
        assertThat(a.prefix()).contains("Never give financial advice.", "How did you first set up the app?", "freelance designer");
        assertThat(a.leftOut()).isEmpty();
        assertThat(a.tokens()).isLessThanOrEqualTo(2_500);
    }

    @Test
    void over_budget_staging_reports_what_was_left_out_and_why() {
        StagedContext small = new Stager(Tokenizers.defaultTokenizer(), 330).stage(briefing);
        assertThat(small.included()).contains("role", "rules", "objectives");
        assertThat(small.leftOut()).isNotEmpty().allSatisfy(l -> assertThat(l.detail()).isNotBlank());
        assertThat(small.tokens()).isLessThanOrEqualTo(330);
        assertThat(small.report()).contains("left out:");
    }

    @Test
    void required_parts_that_cannot_fit_are_an_error_that_says_what_to_do() {
        assertThatThrownBy(() -> new Stager(Tokenizers.defaultTokenizer(), 50).stage(briefing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("briefing: the role, rules and objectives need ")
                .hasMessageEndingWith("tokens but the staging budget is 50; raise the budget or shorten the rules and objectives");
    }

    @Test
    void a_briefing_without_objectives_or_in_an_unsupported_language_names_the_field() {
        assertThatThrownBy(() -> new Briefing("p", "en", List.of(), Duration.ofMinutes(10), List.of(), Map.of(), List.of(), List.of(), ""))
                .hasMessage("briefing: objectives: at least one objective is required");
        assertThatThrownBy(() -> new Briefing("p", "xx", List.of(), Duration.ofMinutes(10), briefing.objectives(), Map.of(), List.of(), List.of(), ""))
                .hasMessage("briefing: language: 'xx' is not supported; use one of " + CulturalPacks.LANGUAGES);
        assertThatThrownBy(() -> new Briefing("p", "en", List.of("en", "kl"), Duration.ofMinutes(10), briefing.objectives(), Map.of(),
                List.of(), List.of(), "")).hasMessageStartingWith("briefing: languages[1]: 'kl' is not supported");
        assertThatThrownBy(() -> new Briefing("p", "en", List.of(), Duration.ofMinutes(10),
                List.of(Objective.of("a", "A", 9, 0.5, "Q?")), Map.of(), List.of(), List.of(), ""))
                .hasMessage("briefing: objectives[0].priority: must be between 1 and 5, was 9");
        assertThatThrownBy(() -> new Briefing("p", "en", List.of(), Duration.ofMinutes(10),
                List.of(Objective.of("a", "A", 3, 0.7, "Q?"), Objective.of("b", "B", 3, 0.6, "Q?")), Map.of(), List.of(), List.of(), ""))
                .hasMessage("briefing: objectives: time shares add up to 130%, more than 100%");
    }

    @Test
    void every_language_has_a_cultural_pack_with_every_part() {
        for (String code : CulturalPacks.LANGUAGES) {
            var pack = CulturalPacks.of(code);
            assertThat(pack.address()).as(code).isNotBlank();
            assertThat(pack.formality()).as(code).isNotBlank();
            assertThat(pack.care()).as(code).isNotEmpty();
            assertThat(pack.askForExample()).as(code).isNotBlank();
        }
    }
}
