package dev.chassis.talk.realise;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.text.Cues;
import dev.chassis.talk.text.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Realises every {@link Directive} offline, in the directive's language, from templates written for
 * this project: a probe asks the guide's follow-up or quotes the person's own words, a clarification
 * quotes both claims, a question is asked as planned, never verbatim twice (steering sees to that).
 * Acknowledgements fit the answer (a thin one is not called useful) and lead-ins are not repeated
 * while fresh ones are left. The variant is chosen from the turn number and what was said before, so
 * the same prompt always gives the same reply. Registered with the offline engine through
 * {@code META-INF/services}.
 */
public final class DirectiveRealiser implements OfflineRealiser<Directive> {

    /** Answers shorter than this are thin: acknowledged plainly, never praised. */
    private static final int THIN_WORDS = 8;

    @Override
    public Class<Directive> intentType() {
        return Directive.class;
    }

    @Override
    public Reply realise(Directive d, Prompt prompt) {
        int turn = (int) prompt.messages().stream().filter(Message.UserMessage.class::isInstance).count();
        List<String> said = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        String answer = "";
        for (Message m : prompt.messages()) {
            if (m instanceof Message.AssistantMessage a) {
                said.add(a.text());
            } else if (m instanceof Message.UserMessage u) {
                answer = u.text();
                answers.add(answer);
            }
        }
        Templates.Said before = new Templates.Said(said);
        String l = d.language();
        String ack = thin(answer, l) ? "ack_thin" : "ack";
        String text = switch (d) {
            case Directive.Open o -> Templates.pick(l, "open", turn, Map.of("opening", o.opening(), "question", o.firstQuestion()));
            case Directive.Ask a -> Templates.fresh(l, ack, turn, before, Map.of()) + " " + a.text();
            case Directive.Probe p -> p.probe().isEmpty()
                    ? Templates.fresh(l, "probe", turn, before, Map.of("quote", p.quote()))
                    : p.quote().isEmpty() ? Templates.fresh(l, ack, turn, before, Map.of()) + " " + p.probe()
                    : Templates.fresh(l, "back_to", turn, before, Map.of("quote", p.quote(), "question", p.probe()));
            case Directive.Clarify c -> Templates.pick(l, "clarify", turn, Map.of("earlier", shorten(c.earlier().quote(), l),
                    "later", shorten(c.later().quote(), l)));
            case Directive.Simplify s -> Templates.pick(l, "simplify", turn, Map.of("question", s.text()));
            case Directive.SwitchLanguage s -> Templates.pick(l, "switch", turn, Map.of("question", s.text()));
            case Directive.Acknowledge a -> Templates.fresh(l, (a.valence() < 0 ? "acknowledge_negative" : "acknowledge_positive")
                    + (a.followUp().isBlank() ? "_room" : ""), turn, before, Map.of("question", a.followUp()));
            case Directive.MoveOn m -> Templates.fresh(l, "move_on", turn, before, Map.of("question", m.text()));
            case Directive.Redirect r -> Templates.pick(l, "redirect", turn, Map.of("question", r.text()));
            case Directive.WrapUp w -> Templates.pick(l, mostlyFiller(answers, l) ? "wrap_up_plain" : "wrap_up", turn, Map.of());
            case Directive.Bridge b -> Templates.fresh(l, "bridge", turn, before, Map.of("topic", b.topic()));
            case Directive.Respect r -> Templates.fresh(l, "respect", turn, before, Map.of("question", r.text()));
            case Directive.KeepLanguage k -> Templates.pick(k.spoken(), "keep_language", turn,
                    Map.of("language", Templates.languageName(k.spoken(), k.language())));
            case Directive.Deepen m -> Templates.fresh(l, ack, turn, before, Map.of()) + " " + AngleWordings.ask(l, m.angle(), m.topic());
        };
        return Reply.text(d.hardMoment().map(e -> sympathy(d.spokenIn(), turn, text)).orElse(text));
    }

    /** {@code text} after a sentence of sympathy in {@code language} (no space after a full-width stop, as in Japanese). */
    private static String sympathy(String language, int turn, String text) {
        String first = Templates.pick(language, "sympathy", turn, Map.of());
        return first + (first.endsWith("。") ? "" : " ") + text;
    }

    /**
     * An answer "that's helpful" would not fit: thin (a few words, or hedged), a refusal, or one that speaks of harm,
     * distress or something the person dislikes ("money is a sore subject"). Such an answer is acknowledged plainly.
     */
    private static boolean thin(String answer, String language) {
        Cues c = Cues.of(language);
        String lower = Cues.lower(answer);
        int words = c.words(answer);
        return words < THIN_WORDS || !c.found(lower, c.refusal()).isEmpty() || words < 2 * THIN_WORDS && !c.found(lower, c.hedges()).isEmpty()
                || !c.found(lower, c.harm()).isEmpty() || !c.found(lower, c.distress()).isEmpty() || Lexicon.sentiment(answer, language) < 0;
    }

    /**
     * Whether at least half the person's answers were filler (a few words, or short and hedged): thanking them for
     * being open, or for sharing their experience, would not fit what was said. A hard moment is not filler.
     */
    private static boolean mostlyFiller(List<String> answers, String language) {
        Cues c = Cues.of(language);
        long filler = answers.stream().filter(a -> {
            int words = c.words(a);
            return words < THIN_WORDS || words < 2 * THIN_WORDS && !c.found(Cues.lower(a), c.hedges()).isEmpty();
        }).count();
        return !answers.isEmpty() && 2 * filler >= answers.size();
    }

    /**
     * A statement short enough to put back, cut only between clauses: the clause that holds the claim's value (a digit, a
     * number word, a negation or a frequency word of the language) and the clauses next to it while they fit. A cut after a
     * fixed count of words once dropped the very number or "never" being put back, and the turn no longer showed both.
     */
    static String shorten(String quote, String language) {
        String text = quote.strip().replaceAll("[.!?。！？।]+$", "");
        if (words(text) <= QUOTE_WORDS) {
            return text;
        }
        List<String> clauses = new ArrayList<>();
        java.util.regex.Matcher m = CLAUSE_END.matcher(text);
        int from = 0;
        while (m.find()) {
            clauses.add(text.substring(from, m.end()));
            from = m.end();
        }
        clauses.add(text.substring(from));
        clauses.removeIf(c -> c.isBlank());
        Cues cues = Cues.of(language);
        // The clause most surely holding what is put back (see value); the first of equals.
        int at = 0;
        int best = 0;
        for (int i = 0; i < clauses.size(); i++) {
            int v = value(clauses.get(i), cues);
            if (v > best) {
                best = v;
                at = i;
            }
        }
        int first = at;
        int last = at;
        int n = words(clauses.get(at));
        while (true) {
            if (last + 1 < clauses.size() && n + words(clauses.get(last + 1)) <= QUOTE_WORDS) {
                n += words(clauses.get(++last));
            } else if (first > 0 && n + words(clauses.get(first - 1)) <= QUOTE_WORDS) {
                n += words(clauses.get(--first));
            } else {
                break;
            }
        }
        String kept = String.join("", clauses.subList(first, last + 1)).strip().replaceAll("[,;:–—、，]+$", "");
        String[] w = kept.split("\\s+");
        if (w.length > MAX_CLAUSE_WORDS) {
            kept = String.join(" ", java.util.Arrays.copyOfRange(w, 0, MAX_CLAUSE_WORDS));
        }
        return (first > 0 ? "…" : "") + kept + (last + 1 < clauses.size() || w.length > MAX_CLAUSE_WORDS ? "…" : "");
    }

    /**
     * How surely a clause holds what is put back: 4 a number (digits or a number word), 3 a frequency or a rate, 2 a word of
     * "every" ("toda la tarde" is one too), 1 a negation, 0 none of these.
     */
    private static int value(String clause, Cues cues) {
        String lower = Cues.lower(clause);
        if (lower.chars().anyMatch(Character::isDigit) || cues.numbers().keySet().stream().anyMatch(k -> cues.find(lower, k) >= 0)) {
            return 4;
        }
        if (cues.frequency().stream().anyMatch(f -> f.getValue() > 0 && cues.find(lower, f.getKey()) >= 0)
                || Stream.of(cues.rate().keySet(), cues.periodic().keySet()).flatMap(java.util.Collection::stream).anyMatch(k -> cues.find(lower, k) >= 0)) {
            return 3;
        }
        if (cues.every().stream().anyMatch(k -> cues.find(lower, k) >= 0)) {
            return 2;
        }
        return !cues.found(lower, cues.negation()).isEmpty() || lower.contains("n't")
                || cues.frequency().stream().anyMatch(f -> cues.find(lower, f.getKey()) >= 0) ? 1 : 0;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Words a quoted statement may run to when cut between clauses. */
    private static final int QUOTE_WORDS = 18;
    /** A single clause is kept whole up to this many words: a cut inside it may lose what it says. */
    private static final int MAX_CLAUSE_WORDS = 30;
    private static final java.util.regex.Pattern CLAUSE_END = java.util.regex.Pattern.compile("[,;:–—、，]\\s*|[.!?。！？]\\s+");
}
