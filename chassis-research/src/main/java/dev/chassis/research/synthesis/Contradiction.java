package dev.chassis.research.synthesis;

import java.util.Objects;

/**
 * Two things one participant said that do not agree, each quoted verbatim.
 *
 * @param session the transcript id
 * @param earlier what was said first
 * @param later   what was said later and contradicts it
 * @param reason  why they are taken to contradict
 * @param source  {@code live} when the interviewer's monitor flagged it during the session,
 *                {@code synthesis} when found afterwards
 */
public record Contradiction(String session, Quote earlier, Quote later, String reason, String source) {

    public Contradiction {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(later, "later");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        if (!earlier.session().equals(session) || !later.session().equals(session)) {
            throw new IllegalArgumentException("both quotes of a contradiction must come from session '" + session + "'");
        }
    }
}
