package dev.chassis.core.token;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tokenizers by model name. Uses jtokkit's lazy registry, which loads an encoding on first use
 * (the eager registry loads every encoding, about 100 MB of heap).
 *
 * <pre>{@code
 * int n = Tokenizers.forModel("openai:gpt-4.1-mini").count("Hello there");
 * }</pre>
 */
public final class Tokenizers {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final ConcurrentHashMap<EncodingType, Tokenizer> BY_TYPE = new ConcurrentHashMap<>();

    private Tokenizers() {
    }

    /** cl100k_base: the default for any model whose encoding is unknown. */
    public static Tokenizer defaultTokenizer() {
        return of(EncodingType.CL100K_BASE);
    }

    /**
     * The tokenizer for a model name or model string ({@code gpt-4o}, {@code openai:gpt-4.1-mini},
     * {@code openai-compatible:http://host/v1#llama3.2}); cl100k for anything unknown.
     */
    public static Tokenizer forModel(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        int hash = name.lastIndexOf('#');
        if (hash >= 0) {
            name = name.substring(hash + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(name.indexOf(':') + 1);
        }
        if (name.startsWith("gpt-4o") || name.startsWith("gpt-4.1") || name.startsWith("gpt-5")
                || name.startsWith("o1") || name.startsWith("o3") || name.startsWith("o4")) {
            return of(EncodingType.O200K_BASE);
        }
        return REGISTRY.getEncodingForModel(name)
                .map(e -> BY_TYPE.computeIfAbsent(typeOf(e), t -> new JtokkitTokenizer(e)))
                .orElseGet(Tokenizers::defaultTokenizer);
    }

    private static Tokenizer of(EncodingType type) {
        return BY_TYPE.computeIfAbsent(type, t -> new JtokkitTokenizer(REGISTRY.getEncoding(t)));
    }

    private static EncodingType typeOf(Encoding encoding) {
        return EncodingType.fromName(encoding.getName()).orElse(EncodingType.CL100K_BASE);
    }

    private static final class JtokkitTokenizer implements Tokenizer {

        /** Texts shorter than this are counted each time: a look-up would cost about what counting does. */
        private static final int REMEMBERED_FROM = 64;
        private static final int SLOTS = 1024;

        private final Encoding delegate;
        /**
         * The latest counts of longer texts, one per slot by the text's hash: the same texts are counted again and again (a
         * session's stable prompt prefix and its transcript lines by every call's usage estimate, the digest's lines by
         * assembly), and byte-pair encoding is most of a count. Entries are immutable, so a race costs at most a count done
         * again; a text's hash is kept by the string, so a hit on the same string costs a comparison of references.
         */
        private final AtomicReferenceArray<Counted> recent = new AtomicReferenceArray<>(SLOTS);

        private record Counted(String text, int tokens) { }

        JtokkitTokenizer(Encoding delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encoding() {
            return delegate.getName();
        }

        @Override
        public int count(String text) {
            if (text.length() < REMEMBERED_FROM) {
                return text.isEmpty() ? 0 : delegate.countTokensOrdinary(text);
            }
            int slot = text.hashCode() & (SLOTS - 1);
            Counted known = recent.get(slot);
            if (known != null && known.text().equals(text)) {
                return known.tokens();
            }
            int tokens = delegate.countTokensOrdinary(text);
            recent.set(slot, new Counted(text, tokens));
            return tokens;
        }

        @Override
        public String truncate(String text, int maxTokens) {
            if (maxTokens <= 0) {
                return "";
            }
            EncodingResult r = delegate.encodeOrdinary(text, maxTokens);
            return r.isTruncated() ? delegate.decode(r.getTokens()) : text;
        }
    }
}
