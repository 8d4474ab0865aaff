package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.research.transcript.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Themes on a few of the real interviews (shared/data/interviews), read as a researcher reads a report, by rules written
 * here and sharing nothing with the synthesiser: a theme is named by a short phrase, not one word; a quote or summary
 * starts where a clause of the participant's starts and says something (no "Like I said, ..." or "Um, ..." in front, not
 * a bare "It was fine."), is their exact words, and is no non-answer ("It depends on the project."); no word of a name is
 * one the participants wrote in a single turn (a typo: "Extrememly time"); a quote says what its theme's name says (each
 * word of the name, in some form), and so does a summary, which starts as a sentence does and is not one of the quotes
 * again. Skipped where that folder is absent.
 */
class ThemesReadLikeAResearchersTest {

    /** How a quote must not begin: ways of taking the floor, written from reading the interviews. */
    private static final List<String> OPENERS = List.of("like i said", "as i said", "as i mentioned", "like i mentioned", "to be honest",
            "i mean,", "you know,", "um", "uh,", "uh ", "so,", "well,", "yeah", "yes,", "oh,", "oh ", "honestly,", "basically,",
            "actually,", "okay,", "ok,", "right,", "sure,", "that's a good question", "good question", "hmm");
    /** Words that say nothing on their own (a quote needs at least one word besides these). */
    private static final Set<String> EMPTY = Set.of("that", "this", "there", "these", "those", "they", "them", "then", "than", "what", "when",
            "with", "have", "been", "were", "would", "could", "should", "just", "really", "very", "much", "some", "about", "into", "also",
            "like", "yeah", "well", "thing", "things", "stuff", "it's", "that's", "i've", "i'm", "don't", "kind", "sort", "sure", "know",
            "think", "mean", "said", "good", "great", "fine", "okay");
    /** Ways of answering without saying anything, written from reading the interviews and the demo's transcripts. */
    private static final Pattern NON_ANSWER = Pattern.compile("^(?:(?:i'd|i would) say |i think |i guess )?(?:it (?:really |all )?depends|"
            + "that depends|depends on|(?:it's |it is )?(?:hard|difficult|tough) to say|no idea|i have no idea|nothing comes to mind)\\b");
    private static final String CLAUSE_BEFORE = ".!?,;:…—–-\"“(";

    private static Path interviews() {
        var dir = Fixtures.sharedInterviews();
        assumeTrue(dir.isPresent(), "shared/data/interviews not found (system property chassis.shared.dir); skipping the reading of real themes");
        return dir.get();
    }

    @Test
    void thirty_scientists_themes_are_named_by_phrases_and_quote_clauses_that_say_something() {
        List<Transcript> some = TranscriptFiles.load(interviews().resolve("scientists_transcripts.csv")).subList(0, 30);

        Synthesis s = Synthesizer.builder().build().synthesize(some);

        assertThat(s.themes()).hasSizeGreaterThanOrEqualTo(3);
        readsWell(s, some);
        // Scientists talk about their work with AI: some theme is named after it (written by hand from the interviews).
        assertThat(s.themes()).anySatisfy(t -> assertThat(t.name().toLowerCase(Locale.ROOT))
                .containsAnyOf("data", "code", "literature", "paper", "analysis", "writing", "research", "experiment", "model"));
    }

    @Test
    void a_small_study_of_five_creatives_is_named_by_phrases_too() {
        List<Transcript> five = TranscriptFiles.load(interviews().resolve("creatives_transcripts.csv")).subList(0, 5);

        Synthesis s = Synthesizer.builder().build().synthesize(five);

        assertThat(s.themes()).isNotEmpty();
        readsWell(s, five);
    }

    private static void readsWell(Synthesis s, List<Transcript> transcripts) {
        List<String> problems = new ArrayList<>();
        for (Theme t : s.themes()) {
            String[] words = t.name().strip().split("\\s+");
            if (words.length < 2 || words.length > 6) {
                problems.add("name '" + t.name() + "' is not a short phrase");
            }
            oneOff(t.name(), transcripts).ifPresent(w -> problems.add("name '" + t.name() + "' carries '" + w
                    + "', which the participants wrote in one turn only (a typo or one person's word)"));
            opener(t.summary()).ifPresent(o -> problems.add("summary of '" + t.name() + "' opens with '" + o + "': " + t.summary()));
            if (!t.summary().isBlank() && Character.isLowerCase(t.summary().strip().codePointAt(0))) {
                problems.add("summary of '" + t.name() + "' starts in the middle of a sentence: " + t.summary());
            }
            if (!t.summary().isBlank() && !says(t.summary(), t.name())) {
                problems.add("summary of '" + t.name() + "' does not say what the name says: " + t.summary());
            }
            if (nonAnswer(t.summary())) {
                problems.add("summary of '" + t.name() + "' answers nothing: " + t.summary());
            }
            for (Quote q : t.quotes()) {
                if (sameWords(q.text(), t.summary())) {
                    problems.add("summary of '" + t.name() + "' is " + q.citation() + " again: " + t.summary());
                }
                opener(q.text()).ifPresent(o -> problems.add(q.citation() + " opens with '" + o + "': " + q.text()));
                if (!saysSomething(q.text())) {
                    problems.add(q.citation() + " says nothing on its own: " + q.text());
                }
                if (nonAnswer(q.text())) {
                    problems.add(q.citation() + " answers nothing: " + q.text());
                }
                if (!says(q.text(), t.name())) {
                    problems.add(q.citation() + " does not say what '" + t.name() + "' says: " + q.text());
                }
                Turn turn = transcripts.stream().filter(x -> x.id().equals(q.session())).findFirst().orElseThrow().turn(q.turn()).orElseThrow();
                int at = turn.text().indexOf(q.text());
                if (!turn.byParticipant() || at < 0) {
                    problems.add(q.citation() + " is not the participant's exact words: " + q.text());
                } else if (!startsAClause(turn.text(), at)) {
                    problems.add(q.citation() + " starts inside a clause: ..." + turn.text().substring(Math.max(0, at - 30), at) + "|" + q.text());
                }
            }
        }
        assertThat(problems).as(s.themes().stream().map(Theme::name).toList().toString()).isEmpty();
    }

    /** Endings a word takes or drops between forms of it, for {@link #oneOff}. */
    private static final List<String> ENDINGS = List.of("s", "es", "d", "ed", "ing", "ly", "er");

    /**
     * Test-side: a word of the name that the participants wrote in exactly one of their turns, in no form (the word with
     * a common ending added or taken off: "edit" for "edits", "trust" for "trusting") anywhere else; a word they never
     * wrote as such, like a gerund made from their verb, is not judged here.
     */
    static java.util.Optional<String> oneOff(String name, List<Transcript> transcripts) {
        List<String> turns = transcripts.stream().flatMap(t -> t.turns().stream()).filter(Turn::byParticipant)
                .map(turn -> " " + turn.text().toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}']+", " ") + " ").toList();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (turns.stream().filter(t -> t.contains(" " + w + " ")).count() != 1) {
                continue;
            }
            List<String> forms = new ArrayList<>(List.of(w));
            for (String e : ENDINGS) {
                forms.add(w + e);
                if (w.endsWith(e) && w.length() > e.length() + 2) {
                    String stem = w.substring(0, w.length() - e.length());
                    forms.add(stem);
                    forms.add(stem + "e");   // "making" from "make"
                }
            }
            if (turns.stream().filter(t -> forms.stream().anyMatch(f -> t.contains(" " + f + " "))).count() == 1) {
                return java.util.Optional.of(w);
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> opener(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        return OPENERS.stream().filter(lower::startsWith).findFirst();
    }

    /**
     * Test-side reading of a quote against its theme's name: each thing the name names (its words of three letters or
     * more, a verb in -ing aside: "Using AI tools" is said by "I use AI tools"), singular or plural, by its first four letters.
     */
    static boolean says(String quote, String name) {
        String text = " " + quote.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}']+", " ");
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")).filter(w -> w.length() >= 3 && !w.endsWith("ing"))
                .map(w -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .allMatch(w -> text.contains(" " + w.substring(0, Math.min(4, w.length()))));
    }

    /** Test-side: whether one text holds the other word for word (case, punctuation and spacing aside); blank never. */
    static boolean sameWords(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String y = b.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
    }

    static boolean nonAnswer(String text) {
        return NON_ANSWER.matcher(text.strip().toLowerCase(Locale.ROOT).replace('’', '\'')).find();
    }

    private static boolean saysSomething(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+");
        return words.length >= 4 && Arrays.stream(words).anyMatch(w -> w.length() >= 4 && !EMPTY.contains(w));
    }

    private static boolean startsAClause(String turn, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(turn.charAt(i))) {
            i--;
        }
        return i < 0 || CLAUSE_BEFORE.indexOf(turn.charAt(i)) >= 0 || (i < at - 1 && Character.isUpperCase(turn.charAt(at)));
    }
}
