package dev.chassis.talk.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Runs} against the regular expressions it stands in for, run by {@link java.util.regex}: every line and every
 * paragraph of the shared interviews, of the examples (guides and personas in the supported languages) and of the cue
 * lists, then random text drawn from the characters that decide (ends, line breaks, apostrophes, marks, digits, letters
 * outside the basic plane, lone surrogates).
 */
class RunsTest {

    private static final Path SHARED = Path.of(System.getProperty("chassis.shared.dir", "../../shared"), "data", "interviews");
    private static final Pattern SENTENCES_ONE_END = Pattern.compile("[^.!?。！？؟।\\n]+[.!?。！？؟।]?");
    private static final Pattern SENTENCES_ALL_ENDS = Pattern.compile("[^.!?…。！？؟।\\n]+[.!?…。！？؟।]*");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}']+");
    private static final Pattern NON_CLAIM_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}%'’$€£₹-]+");
    private static final IntPredicate WORD = cp -> Runs.letter(cp) || Runs.mark(cp) || cp == '\'';
    private static final IntPredicate CLAIM_WORD = cp -> Runs.letter(cp) || Runs.mark(cp) || Runs.number(cp) || "%'’$€£₹-".indexOf(cp) >= 0;

    @Test
    void real_texts_in_every_language_are_cut_as_the_regular_expressions_cut_them() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "skipped: " + SHARED + " is absent (the shared interview transcripts)");
        List<String> texts = new ArrayList<>();
        for (Path root : List.of(SHARED, Path.of("../examples"), Path.of("src/main/resources/dev/chassis/talk/text"), Path.of("src/test/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(csv|yaml|yml|md|txt|json|jsonl)")).toList()) {
                    String all = Files.readString(f);
                    texts.addAll(List.of(all.split("\n")));
                    texts.addAll(List.of(all.split("\n\n")));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(20_000);
        texts.forEach(RunsTest::same);
    }

    @Test
    void random_text_of_the_characters_that_decide_is_cut_as_the_regular_expressions_cut_it() {
        String[] pieces = {".", "!", "?", "…", "。", "！", "？", "؟", "।", "\n", " ", "  ", "'", "’", "%", "$", "€", "£", "₹", "-", ",", "a", "Z", "é",
            "e\u0301", "ß", "3", "٣", "²", "Ⅻ", "ж", "ي", "न", "ि", "日", "か", "\uD840\uDC00", "\uD83D\uDE00", "\uD800", "\uDC00", "\t", "\""};
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            same(s.toString());
        }
    }

    @Test
    void the_edges_of_split_are_kept() {
        assertThat(Runs.split("", WORD)).containsExactly("");
        assertThat(Runs.split("...", WORD)).isEmpty();
        assertThat(Runs.split(".a..b.", WORD)).containsExactly("", "a", "b");
        assertThat(Runs.split("word", WORD)).containsExactly("word");
        assertThat(Runs.sentences("Hi!! Yes?\nNo. ", Runs.ENDS, false)).containsExactly("Hi!", " Yes?", "No.", " ");
        assertThat(Runs.sentences("Hi!! Yes…", Runs.ENDS_WITH_ELLIPSIS, true)).containsExactly("Hi!!", " Yes…");
    }

    private static void same(String text) {
        assertThat(Runs.sentences(text, Runs.ENDS, false)).as("one end: %s", text).isEqualTo(found(SENTENCES_ONE_END, text));
        assertThat(Runs.sentences(text, Runs.ENDS_WITH_ELLIPSIS, true)).as("all ends: %s", text).isEqualTo(found(SENTENCES_ALL_ENDS, text));
        assertThat(Runs.split(text, WORD)).as("words: %s", text).containsExactly(NON_WORD.split(text));
        assertThat(Runs.split(text, CLAIM_WORD)).as("claim words: %s", text).containsExactly(NON_CLAIM_WORD.split(text));
    }

    private static List<String> found(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
