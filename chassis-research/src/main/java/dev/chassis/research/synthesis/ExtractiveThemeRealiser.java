package dev.chassis.research.synthesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;

/**
 * The offline engine's answer to a {@link ThemeWritingIntent}: the extractive themes as the JSON a model
 * would write, so the offline and model paths share the prompt, the parsing and the quote gate.
 * Registered through {@link java.util.ServiceLoader}. Deterministic and thread-safe.
 */
public final class ExtractiveThemeRealiser implements OfflineRealiser<ThemeWritingIntent> {

    @Override
    public Class<ThemeWritingIntent> intentType() {
        return ThemeWritingIntent.class;
    }

    @Override
    public Reply realise(ThemeWritingIntent intent, Prompt prompt) {
        ThemeDrafts drafts = ExtractiveThemes.write(intent.clusters(), intent.sessionsTotal(), intent.languages());
        try {
            return Reply.text(StructuredReader.json().mapper().writeValueAsString(drafts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("theme drafts could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
