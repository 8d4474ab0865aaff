package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContradictionMonitorTest {

    private static Claim claim(int turn, String text) {
        List<Claim> claims = ClaimExtractor.extract(turn, text, "en", "habits");
        assertThat(claims).as("a claim in '%s'", text).isNotEmpty();
        return claims.getFirst();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "I have two kids.|I have four kids at home.|number",
            "We started using it in 2019.|We started using it in 2022.|span",
            "I use the app every day.|I rarely use the app.|frequency",
            "I use the spending charts.|I don't use the spending charts.|negation",
            "I never cook at home.|I cook at home every day.|frequency",
            "I have been freelancing for 5 years.|I have been freelancing for 12 years now.|number",
            "We have 12 people on the team right now.|With 40 people on the team it gets hard to keep everyone aligned.|number"})
    void conflicting_claims_on_the_same_subject_are_a_contradiction(String earlier, String later, String kind) {
        Optional<String[]> verdict = Verdict.compare(claim(1, earlier), claim(3, later));
        assertThat(verdict).as("contradiction").isPresent();
        assertThat(verdict.get()[0]).isEqualTo(kind);
    }

    @Test
    void a_numbers_contradiction_is_told_in_words_a_researcher_reads() {
        // the report quotes this line: the group kind the claims are compared by ("we are 12") is said as people
        Optional<String[]> verdict = Verdict.compare(claim(1, "We have 12 people on the team right now."),
                claim(3, "With 40 people on the team it gets hard to keep everyone aligned."));
        assertThat(verdict).isPresent();
        assertThat(verdict.get()[1]).isEqualTo("said 12 people at turn 1, now 40 people");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "I have two kids.|I have two kids and a dog.",
            "I use the app every day.|I use the app daily, mostly at lunch.",
            "I use the spending charts.|My sister loves painting in 2019.",
            "We started using it in 2019.|I think it was 2019 when we started using it.",
            "We have 12 people on the team.|I invited 40 people to the launch party."})
    void agreeing_or_unrelated_claims_are_not(String earlier, String later) {
        assertThat(Verdict.compare(claim(1, earlier), claim(3, later))).isEmpty();
    }

    /**
     * False alarms of session 15's development interviews (examples/languages): an "only" that limits when ("nur noch
     * mittwochs") made every capitalised German noun near it the one tool for a job; two denied numbers compared as counts.
     */
    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "de|Die kommen bis Donnerstag, dann rechne ich aus, wie viel Teig wir brauchen.|Mehl kommt von einer kleinen Mühle aus der Gegend, die liefert nur noch mittwochs.",
            "de|Mehl kommt von einer kleinen Mühle aus der Gegend, die liefert nur noch mittwochs.|Ich habe Mehl im Supermarkt gekauft, Sack für Sack, und trotzdem zwei Hotels verloren.",
            "en|The Berlin team only meets on Mondays to plan the week.|We plan the week in Notion with the whole team.",
            "ja|三日間スープが作れなくて、店を閉めた。|スープは一日じゃ作れないから。"})
    void an_only_that_limits_when_and_two_denied_numbers_are_no_contradiction(String language, String earlier, String later) {
        Claim a = ClaimExtractor.extract(1, earlier, language, "habits").getFirst();
        Claim b = ClaimExtractor.extract(3, later, language, "habits").getFirst();
        assertThat(Verdict.compare(a, b)).isEmpty();
    }
}
