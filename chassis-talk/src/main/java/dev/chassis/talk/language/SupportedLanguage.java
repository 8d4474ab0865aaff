package dev.chassis.talk.language;

/**
 * One language the harness can hold a conversation in.
 *
 * @param code       ISO 639-1 (nb for Norwegian Bokmål)
 * @param name       its English name
 * @param endonym    its name in itself
 * @param script     the script it is written in
 * @param unspaced   written without spaces between words (Japanese, Chinese, Thai): words are segmented by
 *                   the language's analyzer and counted by characters, and quotes are cut at segment ends
 * @param linguaName Lingua's name for it ({@code com.github.pemistahl.lingua.api.Language})
 */
public record SupportedLanguage(String code, String name, String endonym, Script script, boolean unspaced, String linguaName) {

    /** Written right to left (Arabic, Hebrew). */
    public boolean rightToLeft() {
        return script.rightToLeft();
    }

    /** {@code rtl} or {@code ltr}, as HTML's {@code dir} attribute takes it. */
    public String direction() {
        return rightToLeft() ? "rtl" : "ltr";
    }
}
