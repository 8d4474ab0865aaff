package dev.chassis.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructuredReaderTest {

    enum Kind { QUICK, DEEP }

    record Item(String name, int priority, Kind kind) {
        Item {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
            if (priority < 1 || priority > 5) {
                throw new IllegalArgumentException("priority must be between 1 and 5, was " + priority);
            }
        }
    }

    record Doc(String title, List<Item> items) { }

    private final StructuredReader yaml = StructuredReader.yaml();

    @Test
    void a_valid_file_binds_to_records(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("doc.yaml");
        Files.writeString(f, "title: Onboarding\nitems:\n  - name: first\n    priority: 2\n    kind: DEEP\n");
        assertThat(yaml.read(f, Doc.class)).isEqualTo(new Doc("Onboarding", List.of(new Item("first", 2, Kind.DEEP))));
    }

    @Test
    void a_value_rejected_by_a_record_names_file_line_and_field() {
        String text = "title: T\nitems:\n  - name: a\n    priority: 1\n  - name: b\n    priority: 9\n";
        assertThatThrownBy(() -> yaml.read(text, "guide.yaml", Doc.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("guide.yaml:5: items[1]: priority must be between 1 and 5, was 9");
    }

    @Test
    void an_unknown_field_is_an_error_listing_the_known_ones() {
        assertThatThrownBy(() -> yaml.read("title: T\ntitel: x\n", "doc.yaml", Doc.class))
                .hasMessage("doc.yaml:2: titel: unknown field 'titel'; expected one of [title, items]");
    }

    @Test
    void a_wrong_type_says_what_was_expected() {
        assertThatThrownBy(() -> yaml.read("title: T\nitems:\n  - name: a\n    priority: high\n", "doc.yaml", Doc.class))
                .hasMessage("doc.yaml:4: items[0].priority: 'high' is not a valid whole number");
        assertThatThrownBy(() -> yaml.read("title: T\nitems:\n  - name: a\n    priority: 1\n    kind: SLOW\n", "doc.yaml", Doc.class))
                .hasMessage("doc.yaml:5: items[0].kind: 'SLOW' is not a valid value (one of quick deep)");
        assertThatThrownBy(() -> yaml.read("title: T\nitems: nope\n", "doc.yaml", Doc.class))
                .hasMessageStartingWith("doc.yaml:2: items: expected a list");
    }

    @Test
    void broken_syntax_empty_files_and_missing_files_are_clear(@TempDir Path dir) {
        assertThatThrownBy(() -> yaml.read("title: \"unterminated\nitems: []\n", "doc.yaml", Doc.class)).hasMessageStartingWith("doc.yaml:").hasMessageContaining("invalid syntax");
        assertThatThrownBy(() -> yaml.read("  \n", "doc.yaml", Doc.class)).hasMessage("doc.yaml: is empty");
        assertThatThrownBy(() -> yaml.read(dir.resolve("none.yaml"), Doc.class)).hasMessage(dir.resolve("none.yaml") + ": file not found");
    }
}
