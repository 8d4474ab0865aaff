package dev.chassis.research.synthesis.phrase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Gives each token of a sentence a {@link Tag}. English goes through OpenNLP's part-of-speech model
 * (Universal Dependencies, from the {@code opennlp-models-pos-en} artifact); other languages have no
 * model that can be served here, so their words are content or function words by the stopword list.
 * Thread-safe: OpenNLP's tagger is not, so each thread has its own over one shared model.
 */
sealed interface Tagger {

    List<Tag> tag(List<Tokens.Raw> tokens, Lexicon lexicon);

    static Tagger of(String language) {
        return language.equals("en") ? new PartOfSpeech() : new ByStopwords();
    }

    /** English: the UD model's tags. */
    final class PartOfSpeech implements Tagger {

        private static final String MODEL = "opennlp-en-ud-ewt-pos-1.2-2.5.0.bin";

        private static final class Holder {
            static final POSModel MODEL = load();
        }

        private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(Holder.MODEL, POSTagFormat.UD));

        private static POSModel load() {
            try (InputStream in = PartOfSpeech.class.getClassLoader().getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("the English part-of-speech model " + MODEL
                            + " (org.apache.opennlp:opennlp-models-pos-en) is not on the class path; synthesis needs it");
                }
                return new POSModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the English part-of-speech model: " + e.getMessage(), e);
            }
        }

        @Override
        public List<Tag> tag(List<Tokens.Raw> tokens, Lexicon lexicon) {
            String[] words = tokens.stream().map(Tokens.Raw::text).toArray(String[]::new);
            String[] ud = TAGGER.get().tag(words);
            Tag[] out = new Tag[words.length];
            for (int i = 0; i < words.length; i++) {
                Tag t = Tag.ofUd(ud[i]);
                String lower = words[i].toLowerCase(Locale.ROOT);
                boolean contentLike = t == Tag.NOUN || t == Tag.ADJ;
                out[i] = contentLike && (lexicon.vague(lower) || lexicon.function(lower)) ? Tag.FUNCTION : t;
            }
            return List.of(out);
        }
    }

    /** Other languages: stopwords and vague words are function words, punctuation is punctuation, the rest content. */
    final class ByStopwords implements Tagger {
        @Override
        public List<Tag> tag(List<Tokens.Raw> tokens, Lexicon lexicon) {
            return tokens.stream().map(t -> {
                if (!t.word()) {
                    return Tag.PUNCT;
                }
                String lower = t.text().toLowerCase(Locale.ROOT);
                if (lexicon.language().equals("ja")) {
                    return Tokens.hiragana(t.text()) ? Tag.FUNCTION : Tag.CONTENT;
                }
                return lexicon.function(lower) || lexicon.vague(lower) || lexicon.support(lower) ? Tag.FUNCTION : Tag.CONTENT;
            }).toList();
        }
    }
}
