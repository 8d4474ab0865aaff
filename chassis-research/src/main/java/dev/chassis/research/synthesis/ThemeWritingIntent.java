package dev.chassis.research.synthesis;

import dev.chassis.core.model.Intent;
import java.util.List;
import java.util.Map;

/**
 * The synthesis step's intent: name each group of statements as a theme and write findings backed by
 * verbatim quotes. A real model reads {@link #render()}; the offline engine answers through
 * {@link ExtractiveThemeRealiser}.
 *
 * @param clusters      the groups, with their statements (most central first)
 * @param sessionsTotal how many sessions were analysed
 * @param languages     each session's language (ISO 639-1), by session id
 */
public record ThemeWritingIntent(List<Cluster> clusters, int sessionsTotal, Map<String, String> languages) implements Intent {

    public ThemeWritingIntent {
        clusters = List.copyOf(clusters);
        languages = languages == null ? Map.of() : Map.copyOf(languages);
    }

    @Override
    public String render() {
        return """
                You are synthesising qualitative research interviews. The user message lists groups of \
                participant statements, each statement cited as [session#turn]. For every group, write one theme:
                - "group": the group number as given;
                - "name": a short, specific name (2 to 6 words) for what the statements share;
                - "summary": one or two sentences saying what participants said;
                - "findings": one to three findings, each a sentence with one to three "quotes".
                Every quote must be the participant's exact words, copied character for character from one \
                statement shown (a contiguous part of it, at least three words, no '...'), with the session and \
                turn of that statement. Never paraphrase inside a quote. Quotes are checked against the \
                transcripts; a quote that is not found makes the whole answer fail.
                Answer with JSON only, no prose around it:
                {"themes": [{"group": 0, "name": "...", "summary": "...", "findings": [{"text": "...", \
                "quotes": [{"session": "...", "turn": 1, "text": "..."}]}]}]}""";
    }
}
