package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.language.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The interviewer's own question check in every supported language, on questions written for this test
 * (question-check-table.yaml), none of them in the check's resource files: good open questions pass,
 * leading, double-barrelled and closed ones are caught. Prints precision and recall per kind and keeps a
 * floor. A false alarm is counted on the good open questions (what it costs: a good question rejected);
 * a leading question that is also closed in form is not a false alarm for "closed".
 */
class QuestionCheckLanguagesTest {

    private static final List<String> KINDS = List.of("leading", "double", "closed");
    private static final double RECALL_FLOOR = 0.85;
    private static final double PRECISION_FLOOR = 0.85;
    private static final double OPEN_PASS_FLOOR = 0.9;

    @Test
    void every_supported_language_has_its_own_patterns_and_table_rows() {
        JsonNode table = table();
        for (String code : Languages.CODES) {
            assertThat(QuestionPatterns.has(code)).as("questions/%s.questions", code).isTrue();
            assertThat(table.has(code)).as("table rows for %s", code).isTrue();
            // A file that loads but holds nothing would pass every question.
            QuestionPatterns p = QuestionPatterns.of(code);
            assertThat(List.of(p.leading(), p.twice(), p.closed(), p.open())).as(code).allSatisfy(l -> assertThat(l).isNotEmpty());
        }
    }

    @Test
    void open_questions_pass_and_bad_ones_are_caught_in_all_languages() {
        JsonNode table = table();
        int[] caught = new int[KINDS.size()];
        int[] total = new int[KINDS.size()];
        int[] falseAlarms = new int[KINDS.size()];
        int openTotal = 0;
        int openPassed = 0;
        List<String> misses = new ArrayList<>();
        StringBuilder perLanguage = new StringBuilder();
        for (String code : Languages.CODES) {
            int right = 0;
            int all = 0;
            for (JsonNode q : table.path(code).path("open")) {
                QuestionCheck.Verdict v = QuestionCheck.check(q.asText(), code);
                openTotal++;
                all++;
                for (int k = 0; k < KINDS.size(); k++) {
                    falseAlarms[k] += flagged(KINDS.get(k), v) ? 1 : 0;
                }
                if (v.clean()) {
                    openPassed++;
                    right++;
                } else {
                    misses.add(code + " open flagged " + v + ": " + q.asText());
                }
            }
            for (int k = 0; k < KINDS.size(); k++) {
                for (JsonNode q : table.path(code).path(KINDS.get(k))) {
                    total[k]++;
                    all++;
                    if (flagged(KINDS.get(k), QuestionCheck.check(q.asText(), code))) {
                        caught[k]++;
                        right++;
                    } else {
                        misses.add(code + " " + KINDS.get(k) + " missed: " + q.asText());
                    }
                }
            }
            perLanguage.append(String.format(Locale.ROOT, " %s %d/%d", code, right, all));
        }
        System.out.println("QuestionCheck over " + Languages.CODES.size() + " languages:" + perLanguage);
        for (int k = 0; k < KINDS.size(); k++) {
            System.out.printf(Locale.ROOT, "QuestionCheck %-8s recall %d/%d = %.2f, precision %d/%d = %.2f%n", KINDS.get(k), caught[k], total[k],
                    ratio(caught[k], total[k]), caught[k], caught[k] + falseAlarms[k], ratio(caught[k], caught[k] + falseAlarms[k]));
        }
        System.out.printf(Locale.ROOT, "QuestionCheck open questions passed %d/%d = %.2f%n", openPassed, openTotal, ratio(openPassed, openTotal));
        misses.forEach(m -> System.out.println("QuestionCheck " + m));
        for (int k = 0; k < KINDS.size(); k++) {
            assertThat(ratio(caught[k], total[k])).as("recall of %s; misses: %s", KINDS.get(k), misses).isGreaterThanOrEqualTo(RECALL_FLOOR);
            assertThat(ratio(caught[k], caught[k] + falseAlarms[k])).as("precision of %s; misses: %s", KINDS.get(k), misses)
                    .isGreaterThanOrEqualTo(PRECISION_FLOOR);
        }
        assertThat(ratio(openPassed, openTotal)).as("open questions passed; misses: %s", misses).isGreaterThanOrEqualTo(OPEN_PASS_FLOOR);
    }

    @Test
    void the_five_first_languages_keep_what_they_caught() {
        BiPredicate<String, String> leading = QuestionCheck::leading;
        BiPredicate<String, String> twice = QuestionCheck::doubleBarrelled;
        assertThat(leading.test("Wouldn't you agree the price is fair?", "en")).isTrue();
        assertThat(leading.test("Sie sind sicherlich zufrieden damit?", "de")).isTrue();
        assertThat(leading.test("C'est pratique, vous êtes d'accord ?", "fr")).isTrue();
        assertThat(leading.test("¿No le parece caro?", "es")).isTrue();
        assertThat(leading.test("Foi fácil, né?", "pt")).isTrue();
        assertThat(twice.test("What changed and how did you notice?", "en")).isTrue();
        assertThat(twice.test("Welche Teile nutzen Sie, und wann greifen Sie zum Telefon?", "de")).isTrue();
        assertThat(twice.test("Qual serviço usa, e em quais situações o evita?", "pt")).isTrue();
        assertThat(twice.test("What changed when you moved?", "en")).isFalse();
    }

    @Test
    void a_bad_patterns_file_is_named_with_its_line_and_field() {
        assertThatThrownBy(() -> QuestionPatterns.parse("xx", "questions/xx.questions", "# fine\nleading = \\b(surely\n"))
                .hasMessageContaining("questions/xx.questions, line 2, field 'leading'").hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> QuestionPatterns.parse("xx", "questions/xx.questions", "leading = a\n\nleadin = b\n"))
                .hasMessageContaining("questions/xx.questions, line 3, field 'leadin'").hasMessageContaining("use one of leading, double, closed, open");
        assertThatThrownBy(() -> QuestionPatterns.parse("xx", "questions/xx.questions", "closed \\S\n"))
                .hasMessageContaining("questions/xx.questions, line 1").hasMessageContaining("expected 'field = pattern'");
        assertThatThrownBy(() -> QuestionPatterns.parse("xx", "questions/xx.questions", "open =  \n"))
                .hasMessageContaining("line 1, field 'open'").hasMessageContaining("empty");
    }

    @Test
    void a_language_without_its_own_file_is_read_with_english_patterns() {
        assertThat(QuestionCheck.closed("Do you drive to work?", "xx")).isTrue();
        assertThat(QuestionCheck.closed("How do you get to work?", "xx")).isFalse();
    }

    private static boolean flagged(String kind, QuestionCheck.Verdict v) {
        return switch (kind) {
            case "leading" -> v.leading();
            case "double" -> v.doubleBarrelled();
            default -> v.closed();
        };
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static JsonNode table() {
        try (InputStream in = QuestionCheckLanguagesTest.class.getResourceAsStream("question-check-table.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
