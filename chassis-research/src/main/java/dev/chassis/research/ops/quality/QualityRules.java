package dev.chassis.research.ops.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Thresholds for the quality checks, as written in a study file (every field optional):
 *
 * <pre>{@code
 * quality:
 *   minEngagement: 0.3      # mean engagement below this is low
 *   dropRatio: 0.5          # last third below this share of the first third is a drop
 *   shortAnswerWords: 3     # answers of at most this many words are short
 *   maxShortShare: 0.5      # more short answers than this share is low effort
 *   maxTypingSpeed: 15      # characters per second; faster long answers were likely pasted
 *   copiedAnswerWords: 12   # identical answers of at least this many words across sessions are copied
 *   maxRepeatShare: 0.25    # more answers than this share repeating an earlier one word for word is low effort
 * }</pre>
 */
public record QualityRules(double minEngagement, double dropRatio, int shortAnswerWords, double maxShortShare,
                           double maxTypingSpeed, int copiedAnswerWords, double maxRepeatShare) {

    public static final QualityRules DEFAULTS = new QualityRules(0.3, 0.5, 3, 0.5, 15, 12, 0.25);

    @JsonCreator
    public static QualityRules read(@JsonProperty("minEngagement") Double minEngagement, @JsonProperty("dropRatio") Double dropRatio,
                                    @JsonProperty("shortAnswerWords") Integer shortAnswerWords, @JsonProperty("maxShortShare") Double maxShortShare,
                                    @JsonProperty("maxTypingSpeed") Double maxTypingSpeed, @JsonProperty("copiedAnswerWords") Integer copiedAnswerWords,
                                    @JsonProperty("maxRepeatShare") Double maxRepeatShare) {
        QualityRules d = DEFAULTS;
        return new QualityRules(minEngagement == null ? d.minEngagement : minEngagement, dropRatio == null ? d.dropRatio : dropRatio,
                shortAnswerWords == null ? d.shortAnswerWords : shortAnswerWords, maxShortShare == null ? d.maxShortShare : maxShortShare,
                maxTypingSpeed == null ? d.maxTypingSpeed : maxTypingSpeed, copiedAnswerWords == null ? d.copiedAnswerWords : copiedAnswerWords,
                maxRepeatShare == null ? d.maxRepeatShare : maxRepeatShare);
    }

    public QualityRules {
        if (minEngagement < 0 || minEngagement > 1) {
            throw new IllegalArgumentException("minEngagement must be between 0 and 1, was " + minEngagement);
        }
        if (dropRatio <= 0 || dropRatio >= 1) {
            throw new IllegalArgumentException("dropRatio must be between 0 and 1 (exclusive), was " + dropRatio);
        }
        if (shortAnswerWords < 1 || maxShortShare <= 0 || maxShortShare > 1) {
            throw new IllegalArgumentException("shortAnswerWords must be 1 or more and maxShortShare between 0 and 1");
        }
        if (maxTypingSpeed <= 0 || copiedAnswerWords < 3) {
            throw new IllegalArgumentException("maxTypingSpeed must be positive and copiedAnswerWords at least 3");
        }
        if (maxRepeatShare <= 0 || maxRepeatShare > 1) {
            throw new IllegalArgumentException("maxRepeatShare must be between 0 (exclusive) and 1, was " + maxRepeatShare);
        }
    }
}
