package dev.chassis.talk.realise;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import java.util.Map;

/**
 * Realises every {@link Directive} offline, in the directive's language, from templates written for
 * this project: a probe quotes the person's own words, a clarification quotes both claims, a
 * question is asked as planned, never verbatim twice (steering sees to that). The variant is chosen
 * from the turn number, so the same prompt always gives the same reply. Registered with the offline
 * engine through {@code META-INF/services}.
 */
public final class DirectiveRealiser implements OfflineRealiser<Directive> {

    @Override
    public Class<Directive> intentType() {
        return Directive.class;
    }

    @Override
    public Reply realise(Directive d, Prompt prompt) {
        int turn = (int) prompt.messages().stream().filter(Message.UserMessage.class::isInstance).count();
        String l = d.language();
        String text = switch (d) {
            case Directive.Open o -> Templates.pick(l, "open", turn, Map.of("opening", o.opening(), "question", o.firstQuestion()));
            case Directive.Ask a -> Templates.pick(l, "ack", turn, Map.of()) + " " + a.text();
            case Directive.Probe p -> Templates.pick(l, "probe", turn, Map.of("quote", p.quote()));
            case Directive.Clarify c -> Templates.pick(l, "clarify", turn, Map.of("earlier", shorten(c.earlier().quote()),
                    "later", shorten(c.later().quote())));
            case Directive.Simplify s -> Templates.pick(l, "simplify", turn, Map.of("question", s.text()));
            case Directive.SwitchLanguage s -> Templates.pick(l, "switch", turn, Map.of("question", s.text()));
            case Directive.Acknowledge a -> Templates.pick(l, a.valence() < 0 ? "acknowledge_negative" : "acknowledge_positive", turn,
                    Map.of("question", a.followUp()));
            case Directive.MoveOn m -> Templates.pick(l, "move_on", turn, Map.of("question", m.text()));
            case Directive.Redirect r -> Templates.pick(l, "redirect", turn, Map.of("question", r.text()));
            case Directive.WrapUp w -> Templates.pick(l, "wrap_up", turn, Map.of());
            case Directive.Bridge b -> Templates.pick(l, "bridge", turn, Map.of("topic", b.topic()));
        };
        return Reply.text(text);
    }

    private static String shorten(String quote) {
        String[] words = quote.replaceAll("[.!?]+$", "").split("\\s+");
        return words.length <= 14 ? String.join(" ", words) : String.join(" ", java.util.Arrays.copyOfRange(words, 0, 14)) + "…";
    }
}
