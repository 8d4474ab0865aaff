package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.pool.Participant;
import dev.chassis.research.ops.pool.Pool;
import dev.chassis.research.ops.pool.PoolCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolCsvTest {

    private static final String HEADER = "id,name,email,timezone,language,availability,role\n";

    @TempDir
    Path dir;

    private Path pool(String rows) throws IOException {
        return Files.writeString(dir.resolve("pool.csv"), HEADER + rows);
    }

    @Test
    void the_example_pool_reads_with_zones_windows_and_screener_columns() {
        Pool pool = PoolCsv.read(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"));

        assertThat(pool.people()).hasSize(20);
        Participant eva = pool.find("p-05").orElseThrow();
        assertThat(eva.zone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(eva.availability()).singleElement().satisfies(w -> {
            assertThat(w.days()).containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
            assertThat(w.from()).isEqualTo(LocalTime.of(10, 0));
        });
        assertThat(eva.field("role")).contains("designer");
        assertThat(eva.line()).isEqualTo(6);
    }

    @Test
    void a_bad_time_zone_names_file_line_and_column() throws IOException {
        Path file = pool("a,Ann,ann@example.org,Europe/Berlin,en,Mon-Fri 09:00-12:00,designer\n"
                + "b,Bob,bob@example.org,Mars/Olympus,en,Mon-Fri 09:00-12:00,designer\n");

        assertThatThrownBy(() -> PoolCsv.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":3: timezone: 'Mars/Olympus' is not a time zone; use a region id such as Europe/Berlin or America/New_York");
    }

    @Test
    void bad_availability_email_language_and_missing_values_are_located() throws IOException {
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann@example.org,UTC,en,Mon-Fir 09:00-12:00,x\n")))
                .hasMessageEndingWith(":2: availability: 'Fir' in 'Mon-Fir 09:00-12:00' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann@example.org,UTC,en,weekdays,x\n")))
                .hasMessageEndingWith(":2: availability: 'weekdays' is not days and hours; write them like 'Mon-Fri 09:00-12:00; Sat 10:00-14:00'");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann.example.org,UTC,en,Mon 09:00-10:00,x\n")))
                .hasMessageEndingWith(":2: email: 'ann.example.org' is not an email address");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann@example.org,UTC,English,Mon 09:00-10:00,x\n")))
                .hasMessageEndingWith(":2: language: 'English' is not a two-letter language code such as en or de");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,,ann@example.org,UTC,en,Mon 09:00-10:00,x\n")))
                .hasMessageEndingWith(":2: name: must not be empty");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann@example.org,UTC,en,Mon 10:00-09:00,x\n")))
                .hasMessageEndingWith(":2: availability: a window must end after it starts (10:00-09:00)");
    }

    @Test
    void structural_problems_are_located_too() throws IOException {
        Path noColumn = Files.writeString(dir.resolve("p.csv"), "id,name,email,timezone,availability\na,b,c@d.e,UTC,Mon 09:00-10:00\n");
        assertThatThrownBy(() -> PoolCsv.read(noColumn))
                .hasMessage(noColumn + ":1: header: is missing the column 'language'; a pool needs id,name,email,timezone,language,availability (and any screener columns)");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann@example.org,UTC,en,Mon 09:00-10:00,designer,extra\n")))
                .hasMessageEndingWith(":2: has 8 values; the header has 7 (put quotes around values that contain commas)");
        assertThatThrownBy(() -> PoolCsv.read(pool("a,Ann,ann@example.org,UTC,en,Mon 09:00-10:00,x\n\na,Al,al@example.org,UTC,en,Mon 09:00-10:00,x\n")))
                .hasMessageEndingWith(":4: id: 'a' is already used on line 2; ids must be unique");
    }
}
