package dev.chassis.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataLineTest {

    @Test
    void blank_lines_and_comments_are_skipped_and_every_other_line_keeps_its_number() {
        String text = "# words per language\n\nen: of to  \r\n   \n  # indented comment\n\tde: von zu\nfr: de # not a comment";

        assertThat(DataLine.of("words.txt", text)).containsExactly(new DataLine("words.txt", 3, "en: of to"),
                new DataLine("words.txt", 6, "de: von zu"), new DataLine("words.txt", 7, "fr: de # not a comment"));
    }

    @Test
    void a_line_says_where_it_is_as_a_person_reads_it() {
        assertThat(DataLine.of("questions/en.questions", "\n\nleading = ^isn't it").getFirst().where())
                .isEqualTo("questions/en.questions, line 3");
    }

    @Test
    void a_resource_is_read_whole_and_a_missing_one_is_empty() {
        assertThat(DataLine.resource(DataLineTest.class, "no-such-file.txt")).isEmpty();
        assertThat(DataLine.resource(DataLineTest.class, "/dev/chassis/core/input/DataLineTest.class")).isPresent();
    }
}
