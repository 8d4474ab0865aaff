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
            case Directive.Clarify c -> Templates.pick(l, "clarify", turn, Map.of("earlier", shorten(c.earlier().quote()),
                    "later", shorten(c.later().quote())));
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
        return Reply.text(text);
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

    private static String shorten(String quote) {
        String[] words = quote.replaceAll("[.!?]+$", "").split("\\s+");
        return words.length <= 14 ? String.join(" ", words) : String.join(" ", java.util.Arrays.copyOfRange(words, 0, 14)) + "…";
    }
}
