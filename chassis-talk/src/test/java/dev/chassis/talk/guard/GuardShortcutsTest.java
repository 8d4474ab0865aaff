package dev.chassis.talk.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard's one-pass stand-ins against what they replace, run by {@link java.util.regex}: the spaced-letter joiner's
 * split and space squeeze, and the decoders' cheap tests (a text they turn away must hold no match of the pattern). Every
 * line and paragraph of the shared interviews, the examples and the cue lists, then random text of the characters that
 * decide (a third of it drawn from each pattern's own characters, so that near-misses are many).
 */
class GuardShortcutsTest {

    private static final Path SHARED = Path.of(System.getProperty("chassis.shared.dir", "../../shared"), "data", "interviews");

    @Test
    void real_texts_in_every_language_are_cut_and_tested_as_the_regular_expressions_do() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "skipped: " + SHARED + " is absent (the shared interview transcripts)");
        List<String> texts = new ArrayList<>();
        for (Path root : List.of(SHARED, Path.of("../examples"), Path.of("src/main/resources/dev/chassis/talk"), Path.of("src/test/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(csv|yaml|yml|md|txt|json|jsonl)")).toList()) {
                    String all = Files.readString(f);
                    texts.addAll(List.of(all.split("\n")));
                    texts.addAll(List.of(all.split("\n\n")));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(20_000);
        for (String t : new java.util.LinkedHashSet<>(texts)) {
            same(t);
            same(Normaliser.normalise(t));
        }
    }

    @Test
    void random_text_of_the_characters_that_decide_is_cut_and_tested_as_the_regular_expressions_do() {
        String[] all = {" ", "  ", "a", "Z", "x", "0x", "\\x", "0", "1", "01", "10", "ff", "9", "G", "+", "/", "_", "-", "=", ":", ",", "\t", "\n",
            "\u000B", "\f", "\r", ".", "é", "ж", "日", "\uD83D\uDE00", "0101", "1010", "deadbeef", "QUJD", "zz"};
        // Near-misses of each pattern need text mostly of its own characters: a third of the texts are drawn from those.
        String[] bits = {"0", "1", "0101", "1010", "0110", " ", "\n", "2", "01100001"};
        String[] hex = {"0x", "\\x", "de", "ad", "BE", "ef", "09", "4", " ", ":", ",", "\t", "g", "x"};
        SplittableRandom random = new SplittableRandom(13);
        int[] matched = new int[3];
        for (int i = 0; i < 60_000; i++) {
            String[] pieces = switch (i % 3) {
                case 0 -> all;
                case 1 -> bits;
                default -> hex;
            };
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(i % 3 == 0 ? 40 : 60);
            for (int j = 0; j < length; j++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            same(s.toString());
            matched[0] += Decoders.BASE64.matcher(s).find() ? 1 : 0;
            matched[1] += Decoders.HEX.matcher(s).find() ? 1 : 0;
            matched[2] += Decoders.BINARY.matcher(s).find() ? 1 : 0;
        }
        assertThat(java.util.Arrays.stream(matched).min().orElseThrow()).as("texts the rarest pattern matched: the cheap tests were put to the test").isGreaterThan(100);
    }

    @Test
    void a_run_of_words_has_the_hash_code_of_the_words_joined_by_spaces() {
        String[] words = {"the", "", "a", "É", "ж", "日本語", "\uD83D\uDE00", "x".repeat(63), "y".repeat(64), "z".repeat(200), "how", "app?"};
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 100_000; i++) {
            List<String> run = new ArrayList<>();
            int length = random.nextInt(10);
            for (int j = 0; j < length; j++) {
                run.add(words[random.nextInt(words.length)]);
            }
            int code = String.join(" ", run).hashCode();
            assertThat(RunHashes.code(run)).as("run %s", run).isEqualTo(code);
            assertThat(RunHashes.code(run, 0, run.size())).as("run %s", run).isEqualTo(code);
            if (length > 2) {
                assertThat(RunHashes.code(run, 1, length - 1)).isEqualTo(String.join(" ", run.subList(1, length - 1)).hashCode());
            }
        }
        RunHashes set = RunHashes.of(List.of("how did you first", "set up the app"));
        assertThat(set.mayHold(RunHashes.code(List.of("set", "up", "the", "app")))).isTrue();
        assertThat(set.mayHold(RunHashes.code(List.of("set", "up", "the", "car")))).isFalse();
    }

    @Test
    void the_edges_of_the_split_are_kept() {
        assertThat(Spacing.parts("")).containsExactly("");
        assertThat(Spacing.parts(" ")).containsExactly(" ");
        assertThat(Spacing.parts(" a  bc ")).containsExactly(" ", "a", " ", " ", "bc", " ");
        assertThat(Spacing.singleSpaced("  a   b c  ")).isEqualTo(" a b c ");
    }

    private static void same(String t) {
        assertThat(Spacing.parts(t)).as("parts: %s", t).containsExactly(t.split("(?<= )|(?= )"));
        assertThat(Spacing.singleSpaced(t)).as("single spaced: %s", t).isEqualTo(t.replaceAll(" {2,}", " "));
        if (!Decoders.mayHoldBase64(t)) {
            assertThat(Decoders.BASE64.matcher(t).find()).as("base64 in: %s", t).isFalse();
        }
        if (!Decoders.mayHoldHex(t)) {
            assertThat(Decoders.HEX.matcher(t).find()).as("hex in: %s", t).isFalse();
        }
        if (!Decoders.mayHoldBinary(t)) {
            assertThat(Decoders.BINARY.matcher(t).find()).as("binary in: %s", t).isFalse();
        }
    }
}
