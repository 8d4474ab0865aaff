package dev.chassis.talk.language;

/** The writing systems of the supported languages, as detection and layout need them. */
public enum Script {
    LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, DEVANAGARI, JAPANESE, HAN, HANGUL, THAI;

    /** Written right to left. */
    public boolean rightToLeft() {
        return this == ARABIC || this == HEBREW;
    }

    /** The script a letter belongs to, or null for one no supported language uses. Kana and Han are told apart. */
    public static Script of(int codePoint) {
        return switch (Character.UnicodeScript.of(codePoint)) {
            case LATIN -> LATIN;
            case CYRILLIC -> CYRILLIC;
            case GREEK -> GREEK;
            case ARABIC -> ARABIC;
            case HEBREW -> HEBREW;
            case DEVANAGARI -> DEVANAGARI;
            case HIRAGANA, KATAKANA -> JAPANESE;
            case HAN -> HAN;
            case HANGUL -> HANGUL;
            case THAI -> THAI;
            default -> null;
        };
    }
}
