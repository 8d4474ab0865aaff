package dev.chassis.talk.monitor;

import dev.chassis.talk.language.Languages;
import dev.chassis.talk.text.ReplyLanguage;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The reply-language check beside every turn (issue 16.4): when the person answers, the interviewer's reply
 * before it is read sentence by sentence ({@link ReplyLanguage}, the person's quoted words left out); a
 * sentence in a language other than the session's is a {@link #KIND} note. A cheap check on the turn's path, so
 * the reply planned now is told to correct a clear slip (the context's digest names it); Lingua's check beside. Sentences whose language needs
 * models still loading are left unjudged rather than waited for.
 */
public final class ReplyLanguageMonitor implements Monitor {

    /** The kind of the {@link Signal.Note} for a reply not wholly in the session's language. */
    public static final String KIND = "reply-language";

    @Override
    public String name() {
        return "reply-language";
    }

    /** On the turn's path, the cheap check (script and function words), so the reply planned now is told to correct a clear slip. */
    @Override
    public List<Signal> glance(TurnView turn, SessionState s) {
        return check(turn, s, true);
    }

    /** Beside the turn, the full check (Lingua on sentences of a shared script): a slip the glance could not tell lands for the next reply. */
    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        return check(turn, s, true).isEmpty() ? check(turn, s, false) : List.of();
    }

    private List<Signal> check(TurnView turn, SessionState s, boolean quick) {
        List<Line> t = s.transcript();
        Line reply = null;
        for (int i = t.size() - 1; i >= 0 && reply == null; i--) {
            reply = t.get(i).speaker() == Line.Speaker.AGENT ? t.get(i) : null;
        }
        if (reply == null) {
            return List.of();
        }
        Collection<String> study = s.staged() == null ? Languages.CODES : s.staged().briefing().languages();
        ReplyLanguage.Verdict v = quick ? ReplyLanguage.quick(reply.text(), s.language(), study)
                : ReplyLanguage.check(reply.text(), s.language(), study, false);
        if (v.inLanguage()) {
            return List.of();
        }
        return List.of(new Signal.Note(turn.turn(), name(), KIND, Map.of("expected", s.language(), "found", String.join(",", v.others()),
                "sentence", v.strays().getFirst(), "replyTurn", String.valueOf(reply.turn())), List.of(reply.turn())));
    }
}
