package dev.chassis.talk.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small per-language word lists for the engagement and emotion monitors: hedges, positive and
 * negative words, and phrases that carry strong feeling. Written for this project; matching is on
 * lower-cased text, by whole phrase.
 */
public final class Lexicon {

    private static final Map<String, List<String>> HEDGES = Map.of(
            "en", List.of("i guess", "maybe", "not sure", "i don't know", "dunno", "whatever", "kind of", "sort of", "i suppose",
                    "probably", "idk", "meh", "no idea", "hard to say", "i think so", "not really"),
            "de", List.of("keine ahnung", "vielleicht", "weiß nicht", "weiss nicht", "irgendwie", "egal", "glaube schon", "eher nicht"),
            "fr", List.of("je sais pas", "je ne sais pas", "peut-être", "bof", "un peu", "je suppose", "aucune idée"),
            "es", List.of("no sé", "quizás", "tal vez", "supongo", "más o menos", "ni idea", "da igual"),
            "pt", List.of("não sei", "talvez", "sei lá", "mais ou menos", "acho que sim", "tanto faz"),
            "ja", List.of("わかりません", "たぶん", "多分", "どうでしょう", "かもしれません", "特に"),
            "hi", List.of("पता नहीं", "शायद", "मालूम नहीं", "pata nahi", "shayad"),
            "ar", List.of("لا أعرف", "ربما", "مش عارف", "يمكن"));

    private static final Map<String, List<String>> POSITIVE = Map.of(
            "en", List.of("love", "great", "enjoy", "easy", "happy", "helpful", "excited", "amazing", "good", "like", "nice", "fun", "useful", "glad"),
            "de", List.of("gut", "toll", "super", "gerne", "einfach", "hilfreich", "froh", "liebe", "spaß"),
            "fr", List.of("bien", "super", "génial", "facile", "content", "aime", "utile", "plaisir"),
            "es", List.of("bien", "genial", "fácil", "encanta", "contento", "útil", "gusta"),
            "pt", List.of("bom", "ótimo", "fácil", "adoro", "gosto", "feliz", "útil"),
            "ja", List.of("良い", "いい", "楽しい", "便利", "嬉しい", "好き"),
            "hi", List.of("अच्छा", "बढ़िया", "आसान", "पसंद", "खुश"),
            "ar", List.of("جيد", "رائع", "سهل", "أحب", "سعيد", "مفيد"));

    private static final Map<String, List<String>> NEGATIVE = Map.of(
            "en", List.of("hate", "annoying", "frustrating", "frustrated", "confusing", "bad", "boring", "difficult", "hard",
                    "waste", "tired", "stressful", "awful", "terrible", "useless", "slow", "angry", "upset"),
            "de", List.of("schlecht", "nervig", "ärgerlich", "kompliziert", "langweilig", "schwierig", "frustrierend", "müde"),
            "fr", List.of("nul", "énervant", "compliqué", "ennuyeux", "difficile", "frustrant", "fatigué"),
            "es", List.of("malo", "molesto", "complicado", "aburrido", "difícil", "frustrante", "cansado"),
            "pt", List.of("ruim", "chato", "complicado", "difícil", "frustrante", "cansado"),
            "ja", List.of("難しい", "面倒", "嫌", "疲れ", "不便", "つまらない"),
            "hi", List.of("बुरा", "मुश्किल", "परेशान", "बोरिंग"),
            "ar", List.of("سيء", "صعب", "مزعج", "ممل", "متعب"));

    private static final Map<String, List<String>> STRONG = Map.of(
            "en", List.of("passed away", "died", "funeral", "cancer", "divorce", "lost my job", "laid off", "fired", "anxious",
                    "anxiety", "scared", "afraid", "overwhelmed", "burned out", "burnt out", "depressed", "crying", "cried",
                    "heartbroken", "so proud", "thrilled", "dream come true", "grief", "lonely", "panic"),
            "de", List.of("gestorben", "verstorben", "krebs", "scheidung", "gekündigt", "angst", "überfordert", "ausgebrannt",
                    "geweint", "so stolz", "trauer", "einsam"),
            "fr", List.of("décédé", "mort", "cancer", "divorce", "licencié", "angoisse", "peur", "débordé", "épuisé", "pleuré",
                    "tellement fier", "deuil", "seul"),
            "es", List.of("falleció", "murió", "cáncer", "divorcio", "despedido", "ansiedad", "miedo", "agobiado", "lloré",
                    "muy orgulloso", "duelo", "solo"),
            "pt", List.of("faleceu", "morreu", "câncer", "divórcio", "demitido", "ansiedade", "medo", "sobrecarregado",
                    "chorei", "muito orgulhoso", "luto", "sozinho"),
            "ja", List.of("亡くなり", "癌", "離婚", "解雇", "不安", "怖い", "泣い", "誇り"),
            "hi", List.of("गुजर गए", "कैंसर", "तलाक", "नौकरी चली गई", "डर", "चिंता", "रोया"),
            "ar", List.of("توفي", "سرطان", "طلاق", "طردت", "قلق", "خوف", "بكيت"));

    private Lexicon() {
    }

    /** How many hedges {@code text} contains. */
    public static int hedges(String text, String language) {
        return count(lower(text), HEDGES.getOrDefault(language, HEDGES.get("en")));
    }

    /** Sentiment from -1 to 1: (positive - negative) / (positive + negative), 0 when neither. */
    public static double sentiment(String text, String language) {
        String t = lower(text);
        int pos = count(t, POSITIVE.getOrDefault(language, POSITIVE.get("en")));
        int neg = count(t, NEGATIVE.getOrDefault(language, NEGATIVE.get("en")));
        return pos + neg == 0 ? 0 : (pos - neg) / (double) (pos + neg);
    }

    /** The strong-feeling phrases in {@code text}. */
    public static List<String> strongFeelings(String text, String language) {
        String t = lower(text);
        return STRONG.getOrDefault(language, STRONG.get("en")).stream().filter(p -> contains(t, p)).toList();
    }

    private static int count(String text, List<String> phrases) {
        int n = 0;
        for (String p : phrases) {
            if (contains(text, p)) {
                n++;
            }
        }
        return n;
    }

    private static boolean contains(String text, String phrase) {
        if (isCjk(phrase)) {
            return text.contains(phrase); // no spaces between words: a substring is a match
        }
        for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
            int end = i + phrase.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
