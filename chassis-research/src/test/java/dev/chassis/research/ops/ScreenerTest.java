package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.pool.Participant;
import dev.chassis.research.ops.pool.Pool;
import dev.chassis.research.ops.pool.PoolCsv;
import dev.chassis.research.ops.recruit.Quota;
import dev.chassis.research.ops.recruit.Screener;
import dev.chassis.research.ops.recruit.ScreenerRule;
import dev.chassis.research.ops.recruit.Screening;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScreenerTest {

    private final Pool pool = PoolCsv.read(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"));
    private final List<ScreenerRule> require = List.of(
            new ScreenerRule("role", Optional.empty(), List.of("designer", "engineer", "manager"), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
            new ScreenerRule("uses_product", Optional.of("yes"), List.of(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
            new ScreenerRule("weeks_since_signup", Optional.empty(), List.of(), Optional.empty(), OptionalDouble.of(1), OptionalDouble.of(8)));
    private final List<ScreenerRule> exclude = List.of(
            new ScreenerRule("email", Optional.empty(), List.of(), Optional.of(".*@competitor\\.example"), OptionalDouble.empty(), OptionalDouble.empty()));
    private final List<Quota> quotas = List.of(
            new Quota("role", "designer", OptionalInt.empty(), OptionalInt.of(2)),
            new Quota("role", "manager", OptionalInt.of(2), OptionalInt.empty()));

    private Screening screen(int places) {
        return new Screener(require, exclude, quotas, places).screen(pool);
    }

    private Screening.Decision decision(Screening s, String id) {
        return s.decisions().stream().filter(d -> d.participant().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void minimum_quotas_are_filled_first_and_maximums_are_never_exceeded() {
        Screening s = screen(6);

        assertThat(s.selected()).extracting(Participant::id).containsExactly("p-03", "p-06", "p-01", "p-02", "p-04", "p-07");
        assertThat(s.selected().stream().filter(p -> p.field("role").orElseThrow().equals("designer"))).hasSize(2);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void every_person_gets_an_outcome_with_a_reason() {
        Screening s = screen(6);

        assertThat(s.decisions()).hasSize(20);
        assertThat(decision(s, "p-05")).extracting(Screening.Decision::outcome, Screening.Decision::reason)
                .containsExactly(Screening.Outcome.SCREENED_OUT, "uses_product is 'no', not 'yes'; weeks_since_signup is 0, below 1");
        assertThat(decision(s, "p-08").reason()).isEqualTo("role is 'sales', not one of [designer, engineer, manager]");
        assertThat(decision(s, "p-12").reason()).isEqualTo("excluded: email is 'lars.olsen@competitor.example'");
        assertThat(decision(s, "p-17")).extracting(Screening.Decision::outcome, Screening.Decision::reason)
                .containsExactly(Screening.Outcome.DUPLICATE, "same email as p-01 (line 2); possibly a duplicate sign-up");
        assertThat(decision(s, "p-11")).extracting(Screening.Decision::outcome, Screening.Decision::reason)
                .containsExactly(Screening.Outcome.OVER_QUOTA, "eligible, but the quota role=designer is full (2)");
        assertThat(decision(s, "p-19").reason()).isEqualTo("weeks_since_signup is 12, above 8");
        assertThat(decision(s, "p-09")).extracting(Screening.Decision::outcome).isEqualTo(Screening.Outcome.RESERVE);
    }

    @Test
    void unmet_quotas_and_unfilled_places_are_warned_about() {
        Screening s = new Screener(require, exclude, List.of(new Quota("company_size", "1-10", OptionalInt.of(5), OptionalInt.empty())), 30).screen(pool);

        assertThat(s.warnings()).containsExactly(
                "quota company_size=1-10 wants at least 5 but only 2 eligible people have it",
                "only 15 of 30 places could be filled from the pool");
    }
}
