package dev.chassis.example.spring;

import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Interviews over HTTP on the auto-configured {@link TalkHarness}: {@code POST /interviews} opens one and
 * returns the interviewer's opening, {@code POST /interviews/{id}/answers} with {@code {"text": ...}} answers
 * and returns the next turn once the journal holds it, {@code DELETE /interviews/{id}} ends it.
 */
@RestController
@RequestMapping("/interviews")
public class InterviewController {

    /** What the interviewer is there to learn. */
    static final Briefing BRIEFING = Briefing.builder().purpose("Learn how small teams plan their week.").language("en")
            .duration(Duration.ofMinutes(15))
            .objective(Objective.of("planning", "Planning", 5, 0.6, "How does your team plan its week?", "What gets in the way?"))
            .objective(Objective.of("tools", "Tools", 4, 0.4, "Which tools does the plan live in?"))
            .opening("Hi, thanks for taking the time.").build();

    /** What an answer carries. */
    public record Answer(String text) { }

    /** One interviewer turn. */
    public record Turn(String session, int turn, String reply) {
        static Turn of(TurnRecord r) {
            return new Turn(r.sessionId(), r.turn(), r.reply());
        }
    }

    private final TalkHarness talk;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    public InterviewController(TalkHarness talk) {
        this.talk = talk;
    }

    @PostMapping
    public Turn start() {
        Session session = talk.open(talk.stage(BRIEFING));
        open.put(session.id(), session);
        return Turn.of(session.open(token -> { }).join());
    }

    @PostMapping("/{id}/answers")
    public Turn answer(@PathVariable String id, @RequestBody Answer answer) {
        if (answer == null || answer.text() == null || answer.text().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an answer needs a non-empty \"text\"");
        }
        return Turn.of(session(id).respond(answer.text(), token -> { }).join());
    }

    @DeleteMapping("/{id}")
    public void end(@PathVariable String id) {
        session(id).close();
        open.remove(id);
    }

    private Session session(String id) {
        Session s = open.get(id);
        if (s == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open interview " + id);
        }
        return s;
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(Session::close);
    }
}
