package dev.chassis.talk.language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The supported languages, in a fixed order (the order of issue 16's list). Immutable. */
public final class Languages {

    /** Every supported language. */
    public static final List<SupportedLanguage> ALL = List.of(
            latin("en", "English", "English", "ENGLISH"),
            latin("es", "Spanish", "español", "SPANISH"),
            latin("fr", "French", "français", "FRENCH"),
            latin("de", "German", "Deutsch", "GERMAN"),
            latin("it", "Italian", "italiano", "ITALIAN"),
            latin("pt", "Portuguese", "português", "PORTUGUESE"),
            latin("nl", "Dutch", "Nederlands", "DUTCH"),
            latin("sv", "Swedish", "svenska", "SWEDISH"),
            latin("da", "Danish", "dansk", "DANISH"),
            latin("nb", "Norwegian Bokmål", "norsk bokmål", "BOKMAL"),
            latin("fi", "Finnish", "suomi", "FINNISH"),
            latin("pl", "Polish", "polski", "POLISH"),
            latin("cs", "Czech", "čeština", "CZECH"),
            latin("ro", "Romanian", "română", "ROMANIAN"),
            latin("hu", "Hungarian", "magyar", "HUNGARIAN"),
            new SupportedLanguage("el", "Greek", "Ελληνικά", Script.GREEK, false, "GREEK"),
            latin("tr", "Turkish", "Türkçe", "TURKISH"),
            new SupportedLanguage("ru", "Russian", "русский", Script.CYRILLIC, false, "RUSSIAN"),
            new SupportedLanguage("uk", "Ukrainian", "українська", Script.CYRILLIC, false, "UKRAINIAN"),
            new SupportedLanguage("ar", "Arabic", "العربية", Script.ARABIC, false, "ARABIC"),
            new SupportedLanguage("he", "Hebrew", "עברית", Script.HEBREW, false, "HEBREW"),
            new SupportedLanguage("hi", "Hindi", "हिन्दी", Script.DEVANAGARI, false, "HINDI"),
            new SupportedLanguage("ja", "Japanese", "日本語", Script.JAPANESE, true, "JAPANESE"),
            new SupportedLanguage("ko", "Korean", "한국어", Script.HANGUL, false, "KOREAN"),
            new SupportedLanguage("zh", "Chinese", "中文", Script.HAN, true, "CHINESE"),
            latin("id", "Indonesian", "Bahasa Indonesia", "INDONESIAN"),
            latin("vi", "Vietnamese", "Tiếng Việt", "VIETNAMESE"),
            new SupportedLanguage("th", "Thai", "ไทย", Script.THAI, true, "THAI"));

    /** The codes of {@link #ALL}, in order. */
    public static final List<String> CODES = ALL.stream().map(SupportedLanguage::code).toList();

    private static final Map<String, SupportedLanguage> BY_CODE;

    static {
        Map<String, SupportedLanguage> m = new LinkedHashMap<>();
        ALL.forEach(l -> m.put(l.code(), l));
        BY_CODE = Map.copyOf(m);
    }

    private Languages() {
    }

    /** The language of {@code code}, if supported. */
    public static Optional<SupportedLanguage> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The language of {@code code}; English for a code that is not supported (a transcript from elsewhere). */
    public static SupportedLanguage of(String code) {
        return find(code).orElse(BY_CODE.get("en"));
    }

    /** Whether {@code code} is a supported language. */
    public static boolean supported(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    /** Whether {@code code} is written right to left. */
    public static boolean rightToLeft(String code) {
        return find(code).map(SupportedLanguage::rightToLeft).orElse(false);
    }

    private static SupportedLanguage latin(String code, String name, String endonym, String lingua) {
        return new SupportedLanguage(code, name, endonym, Script.LATIN, false, lingua);
    }
}
