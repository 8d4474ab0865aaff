package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a quote occurs verbatim in the participant turn it cites. Matching forgives only what
 * is not wording: runs of white space, typographic quotes, dashes and ellipsis characters, and letter
 * case; a verified quote is returned with the transcript's exact text, so what a report prints is
 * always a substring of the cited turn. Elisions ({@code ...} inside a quote) are rejected: a quote is
 * one contiguous passage. Immutable and thread-safe.
 *
 * <pre>{@code
 * QuoteVerifier verifier = QuoteVerifier.of(transcripts);
 * switch (verifier.check(new Quote("s-1", 4, "I never read the manual"))) {
 *     case QuoteCheck.Verified v -> use(v.exact());
 *     case QuoteCheck.Rejected r -> retryWith(r.reason());
 * }
 * }</pre>
 */
public final class QuoteVerifier {

    /** A quote shorter than this many words says too little to support a finding. */
    public static final int MIN_WORDS = 3;

    private final Map<String, Transcript> sessions;

    private QuoteVerifier(Map<String, Transcript> sessions) {
        this.sessions = sessions;
    }

    public static QuoteVerifier of(List<Transcript> transcripts) {
        Map<String, Transcript> byId = new LinkedHashMap<>();
        transcripts.forEach(t -> byId.put(t.id(), t));
        return new QuoteVerifier(Map.copyOf(byId));
    }

    /** Checks one quote. */
    public QuoteCheck check(Quote quote) {
        Transcript t = sessions.get(quote.session());
        if (t == null) {
            return new QuoteCheck.Rejected(quote, "session '" + quote.session() + "' does not exist");
        }
        Optional<Turn> turn = t.turn(quote.turn());
        if (turn.isEmpty()) {
            return new QuoteCheck.Rejected(quote, "turn " + quote.turn() + " does not exist in session '"
                    + quote.session() + "' (it has " + t.turns().size() + " turns)");
        }
        if (!turn.get().byParticipant()) {
            return new QuoteCheck.Rejected(quote, "turn " + quote.turn() + " of session '" + quote.session()
                    + "' is the interviewer's; quote the participant");
        }
        if (t.isTakeoverAttempt(turn.get())) {
            return new QuoteCheck.Rejected(quote, "turn " + quote.turn() + " of session '" + quote.session()
                    + "' tried to take over the interviewer; it is not an answer and is never quoted");
        }
        String wanted = normalise(quote.text()).text().strip();
        if (wanted.contains("...")) {
            return new QuoteCheck.Rejected(quote, "a quote must be one contiguous passage; remove the elision '...'");
        }
        if (wanted.split(" ").length < MIN_WORDS) {
            return new QuoteCheck.Rejected(quote, "a quote needs at least " + MIN_WORDS + " words");
        }
        Optional<String> exact = find(turn.get().text(), wanted);
        if (exact.isPresent()) {
            return new QuoteCheck.Verified(quote, new Quote(quote.session(), quote.turn(), exact.get()));
        }
        for (Turn other : t.participantTurns()) {
            if (other.number() != quote.turn() && find(other.text(), wanted).isPresent()) {
                return new QuoteCheck.Rejected(quote, "not in turn " + quote.turn() + " of session '" + quote.session()
                        + "'; these words are in turn " + other.number());
            }
        }
        return new QuoteCheck.Rejected(quote, "not found verbatim in turn " + quote.turn() + " of session '"
                + quote.session() + "'; quote the participant's exact words");
    }

    /** Whether the quote's text is exactly (character for character) a substring of the cited turn. */
    public boolean isExact(Quote quote) {
        return Optional.ofNullable(sessions.get(quote.session()))
                .flatMap(t -> t.turn(quote.turn()))
                .filter(Turn::byParticipant)
                .map(turn -> turn.text().contains(quote.text()))
                .orElse(false);
    }

    private static Optional<String> find(String turnText, String wanted) {
        Normalised n = normalise(turnText);
        int at = n.text().indexOf(wanted);
        if (at < 0) {
            return Optional.empty();
        }
        int start = n.origin()[at];
        int end = n.origin()[at + wanted.length() - 1] + 1;
        return Optional.of(turnText.substring(start, end));
    }

    /** Normalised text and, for each of its characters, the index of the original character. */
    private record Normalised(String text, int[] origin) {
    }

    private static Normalised normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] origin = new int[s.length() * 3 + 1];
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty()) {
                origin[sb.length()] = i - 1;
                sb.append(' ');
            }
            space = false;
            String r = switch (c) {
                case '\u2018', '\u2019', '\u02bc' -> "'";
                case '\u201c', '\u201d', '\u201e' -> "\"";
                case '\u2013', '\u2014', '\u2212' -> "-";
                case '\u2026' -> "...";
                default -> String.valueOf(c).toLowerCase(Locale.ROOT);
            };
            for (int k = 0; k < r.length(); k++) {
                origin[sb.length()] = i;
                sb.append(r.charAt(k));
            }
        }
        return new Normalised(sb.toString(), origin);
    }
}
