package dev.chassis.talk.guard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what an attacker wraps an instruction in, so the cues inside can be read: base64, hex, binary,
 * URL and HTML encoding, Unicode escapes, ROT13 and other Caesar shifts, reversed text, and letters
 * spaced or split apart. A decoding counts only when it gives readable text. Each decoder has a cheap
 * test, so ordinary answers pay for none of them. Stateless and thread-safe.
 */
final class Decoders {

    /** A decoded reading of a text and what it was hidden by. */
    record Reading(String text, String disguise) { }

    static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    static final Pattern HEX = Pattern.compile("(?:(?:0x|\\\\x)?[0-9a-fA-F]{2}[\\s:,]?){8,}");
    static final Pattern BINARY = Pattern.compile("(?:[01]{8}\\s?){4,}");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u\\{?([0-9a-fA-F]{4,5})\\}?");
    private static final Pattern ENTITY = Pattern.compile("&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&([a-zA-Z]{2,8});");

    private Decoders() {
    }

    /** Every readable decoding of {@code text} (as typed, before case folding). */
    static List<Reading> decode(String text) {
        List<Reading> out = new ArrayList<>(1);
        if (hasRun(text, 16)) {
            // Each pattern matches only inside a long enough run of its own characters: an ordinary answer has none, and
            // looking for that run costs a pass where the regular expression tries a match at every position.
            if (mayHoldBase64(text)) {
                base64(text, out);
            }
            if (mayHoldHex(text)) {
                hex(text, out);
            }
        }
        if (text.indexOf('%') >= 0) {
            add(out, percent(text), "URL encoding");
        }
        if (text.indexOf('&') >= 0) {
            add(out, entities(text), "HTML entities");
        }
        if (text.indexOf('\\') >= 0) {
            add(out, escapes(text), "Unicode escapes");
        }
        if ((text.indexOf("01") >= 0 || text.indexOf("10") >= 0) && mayHoldBinary(text)) {
            Matcher m = BINARY.matcher(text);
            while (m.find()) {
                String bits = m.group().replaceAll("\\s", "");
                byte[] bytes = new byte[bits.length() / 8];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
                }
                add(out, utf8(bytes), "binary");
            }
        }
        return out;
    }

    /** Whether {@link #BASE64} can match in {@code text}: only within a run of 16 of its characters. */
    static boolean mayHoldBase64(String text) {
        return hasRun(text, 16, Decoders::base64Char);
    }

    /** Whether {@link #HEX} can match in {@code text}: eight digit pairs with their prefixes and separators, 16 characters at least. */
    static boolean mayHoldHex(String text) {
        return hasRun(text, 16, Decoders::hexChar);
    }

    /** Whether {@link #BINARY} can match in {@code text}: only where eight of its digits follow one another. */
    static boolean mayHoldBinary(String text) {
        return hasRun(text, 8, c -> c == '0' || c == '1');
    }

    /** Whether {@code text} has a run of at least {@code n} characters that each pass {@code in}. */
    private static boolean hasRun(String text, int n, CharTest in) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = in.test(text.charAt(i)) ? run + 1 : 0;
            if (run >= n) {
                return true;
            }
        }
        return false;
    }

    private interface CharTest {
        boolean test(char c);
    }

    /** A character {@link #BASE64}'s run is made of. */
    private static boolean base64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '_' || c == '-';
    }

    /** A character a {@link #HEX} match can hold: hex digits, the {@code 0x} and {@code \x} prefixes, the separators. */
    private static boolean hexChar(char c) {
        return hexDigit(c) || c == 'x' || c == '\\' || c == ':' || c == ',' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B
                || c == '\f' || c == '\r';
    }

    /** Whether {@code text} has a run of at least {@code n} characters without a space: the shape of encoded bytes. */
    static boolean hasRun(String text, int n) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c < 0x80 && c > ' ' ? run + 1 : 0;
            if (run >= n) {
                return true;
            }
        }
        return false;
    }

    private static void base64(String text, List<Reading> out) {
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (!mixed(run)) {
                continue; // a long ordinary word is not base64
            }
            String body = run.replace("=", "");
            String padded = body + "===".substring(0, (4 - body.length() % 4) % 4);
            try {
                boolean urlSafe = body.indexOf('-') >= 0 || body.indexOf('_') >= 0;
                byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(padded);
                add(out, utf8(bytes), "base64");
            } catch (IllegalArgumentException notBase64) {
                // not base64 after all
            }
        }
    }

    private static boolean mixed(String run) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return (upper && lower) || (digit && (upper || lower));
    }

    private static void hex(String text, List<Reading> out) {
        Matcher m = HEX.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("0x|\\\\x|[\\s:,]", "");
            if (digits.length() % 2 != 0 || digits.length() < 16) {
                continue;
            }
            byte[] bytes = new byte[digits.length() / 2];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
            }
            add(out, utf8(bytes), "hex");
        }
    }

    private static String percent(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int decoded = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hexDigit(text.charAt(i + 1)) && hexDigit(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
                decoded++;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return decoded < 2 ? null : utf8(bytes.toByteArray());
    }

    private static String entities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int count = 0;
        while (m.find()) {
            String r;
            if (m.group(1) != null || m.group(2) != null) {
                int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                r = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
            } else {
                r = switch (m.group(3).toLowerCase(java.util.Locale.ROOT)) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    default -> m.group();
                };
            }
            count += r.equals(m.group()) ? 0 : 1;
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return count == 0 ? null : out.toString();
    }

    private static String escapes(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int count = 0;
        while (m.find()) {
            int cp = Integer.parseInt(m.group(1), 16);
            m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group()));
            count++;
        }
        m.appendTail(out);
        return count < 2 ? null : out.toString();
    }

    /** ROT13 of the ASCII letters. */
    static String rot13(String s) {
        return caesar(s, 13);
    }

    /** The ASCII letters shifted back by {@code shift} places. */
    static String caesar(String s, int shift) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= 'a' && c <= 'z') {
                out[i] = (char) ('a' + (c - 'a' + 26 - shift) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                out[i] = (char) ('A' + (c - 'A' + 26 - shift) % 26);
            }
        }
        return new String(out);
    }

    /** The text read from its end, by code point. */
    static String reversed(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Whether most letters of {@code s} are ASCII, so that a letter shift could hide words in it. */
    static boolean mostlyLatin(String s) {
        int ascii = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (c < 0x80) {
                    ascii++;
                }
            }
        }
        return letters >= 6 && ascii * 10 >= letters * 8;
    }

    private static boolean hexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void add(List<Reading> out, String decoded, String disguise) {
        if (decoded != null && readable(decoded)) {
            out.add(new Reading(decoded, disguise));
        }
    }

    /** Text a person could read: mostly letters, digits, spaces and punctuation, with at least four letters. */
    static boolean readable(String s) {
        int letters = 0;
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
                bad++;
            }
        }
        return letters >= 4 && bad * 10 <= s.length() && letters * 2 >= s.length() - countSpaces(s);
    }

    private static int countSpaces(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
