package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * What the theme-writing step answers, as JSON: for each group of statements, a theme name, a summary
 * and findings with quotes. A model writes it; {@link ThemeGate} checks it before anything is used.
 *
 * <pre>{@code
 * {"themes": [{"group": 0, "name": "Brainstorming with AI", "summary": "...",
 *   "findings": [{"text": "...", "quotes": [{"session": "s-1", "turn": 4, "text": "exact words"}]}]}]}
 * }</pre>
 */
public record ThemeDrafts(List<Draft> themes) {

    public ThemeDrafts {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** One theme as written. */
    public record Draft(int group, String name, String summary, List<FindingDraft> findings) {
        public Draft {
            name = Objects.requireNonNullElse(name, "");
            summary = Objects.requireNonNullElse(summary, "");
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /** One finding as written. */
    public record FindingDraft(String text, List<Quote> quotes) {
        public FindingDraft {
            text = Objects.requireNonNullElse(text, "");
            quotes = quotes == null ? List.of() : List.copyOf(quotes);
        }
    }
}
