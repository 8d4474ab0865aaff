package dev.chassis.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void every_path_is_inside_the_data_folder_or_the_runs_folder() throws Exception {
        DataFolder f = new DataFolder(dir.resolve("data"), dir.resolve("data/runs"));
        Path data = dir.resolve("data").toRealPath();
        assertThat(f.studyTranscript("onboarding", "s-1")).isEqualTo(data.resolve("studies/onboarding/transcripts/s-1.json"));
        assertThat(f.studyReport("onboarding")).isEqualTo(data.resolve("studies/onboarding/report"));
        assertThat(f.turns("s-1")).isEqualTo(data.resolve("turns/s-1.json"));
        assertThat(f.runInbox("r-1", "s-01")).isEqualTo(data.resolve("runs/r-1/inbox/s-01.json"));
        assertThat(f.secret(DataFolder.Secret.RESEARCHER_TOKEN)).isEqualTo(data.resolve("researcher-token.sha256"));
        assertThat(f.database()).isEqualTo(data.resolve("chassis"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../../etc", "/etc", "a/b", "~", "A", ".hidden", "a\u0000"})
    void a_name_that_is_not_an_id_never_becomes_a_path(String id) {
        DataFolder f = new DataFolder(dir.resolve("data"), dir.resolve("runs"));
        assertThatThrownBy(() -> f.study(id)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("study: must be an id");
        assertThatThrownBy(() -> f.turns(id)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("session: must be an id");
        assertThatThrownBy(() -> f.studyTranscript("ok", id)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> f.run(id)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("run: must be an id");
        assertThatThrownBy(() -> f.runInbox("ok", id)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_link_planted_in_the_folder_does_not_lead_out_of_it() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        DataFolder f = new DataFolder(dir.resolve("data"), dir.resolve("data/runs"));
        Files.createDirectories(dir.resolve("data/studies"));
        Files.createSymbolicLink(dir.resolve("data/studies/evil"), outside);
        assertThatThrownBy(() -> f.studyReport("evil")).isInstanceOf(IllegalStateException.class).hasMessageContaining("through a link");
        Files.createSymbolicLink(dir.resolve("data/turns"), dir.resolve("nowhere"));   // broken: writing through it would create it
        assertThatThrownBy(() -> f.turns("s-1")).isInstanceOf(IllegalStateException.class);
        assertThat(outside).isEmptyDirectory();
    }
}
