package dev.chassis.research.report;

import java.util.List;
import java.util.Objects;

/**
 * A quality concern about one session, as a report shows it.
 *
 * @param session the transcript id
 * @param kind    short kind, for example {@code low engagement}
 * @param reasons why, each a sentence with the evidence
 */
public record SessionFlag(String session, String kind, List<String> reasons) {

    public SessionFlag {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
    }
}
