package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.reading.Tone;
import java.util.Optional;

/**
 * Whether the interviewer addressed the participant as their culture expects (the persona's expected
 * register: Sie, vous, Pan/Pani, 您, -요...), read with the evaluation's own words for each form.
 *
 * @param language  the participant's first language
 * @param expected  the form of address the persona expects, if it declares one
 * @param addressed interviewer turns that use one form of address and not the other
 * @param inForm    of those, turns in the expected form (all of them when none is expected)
 */
public record AddressScore(String language, Optional<Tone.Address> expected, int addressed, int inForm) {

    /** Share of addressed turns in the expected form; empty when no form is expected or none was used. */
    public Optional<Double> share() {
        return expected.isEmpty() || addressed == 0 ? Optional.empty() : Optional.of(inForm / (double) addressed);
    }

    static AddressScore of(Exchange x) {
        Optional<Tone.Address> expected = x.persona().reactions().register().map(Persona.Register::expects);
        int addressed = 0;
        int in = 0;
        for (int k = 0; k < x.interviewer().size(); k++) {
            Tone.Address a = Tone.address(x.interviewer().get(k).text(), Reading.of(x, k));
            if (a != Tone.Address.NONE) {
                addressed++;
                in += expected.map(a::equals).orElse(true) ? 1 : 0;
            }
        }
        return new AddressScore(x.persona().language(), expected, addressed, in);
    }
}
