package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.talk.internal.LiveSession;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A spoken reply the person stopped: the transcript and the journal keep only what they heard, marked cut off. */
class HeardTest {

    @Test
    void a_reply_heard_in_part_keeps_that_part_cut_off_in_the_transcript_the_journal_and_a_resumed_session() throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        TalkHarness h = Fixtures.harness().journal(journal).build();
        String full;
        try (Session s = h.open(h.stage(Fixtures.briefing()), "heard")) {
            s.open(t -> { }).get(5, TimeUnit.SECONDS);
            full = s.respond("I set it up on my phone in the evening.", t -> { }).get(5, TimeUnit.SECONDS).reply();
            int cut = full.indexOf(' ', 6);
            s.heard(1, cut + 1);

            Line reply = agentLine(s, 1);
            assertThat(reply.text()).isEqualTo(full.substring(0, cut));
            assertThat(reply.cutOff()).isTrue();
            assertThat(agentLine(s, 0).cutOff()).as("the opening, heard whole, is untouched").isFalse();
            assertThat(((LiveSession) s).flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(SessionEvent.CODEC.decodeAll(journal.read("heard")))
                .anyMatch(e -> e instanceof SessionEvent.Heard x && x.turn() == 1 && x.characters() == full.indexOf(' ', 6) + 1);
        try (Session resumed = h.resume("heard")) {
            assertThat(agentLine(resumed, 1).text()).isEqualTo(full.substring(0, full.indexOf(' ', 6)));
            assertThat(agentLine(resumed, 1).cutOff()).isTrue();
        }
    }

    @Test
    void a_reply_heard_whole_is_left_as_it_is() throws Exception {
        TalkHarness h = Fixtures.harness().build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            String opening = s.open(t -> { }).get(5, TimeUnit.SECONDS).reply();
            s.heard(0, opening.length());
            s.heard(3, 2);   // a turn that never was
            assertThat(agentLine(s, 0).text()).isEqualTo(opening);
            assertThat(agentLine(s, 0).cutOff()).isFalse();
            assertThat(s.state().transcript()).hasSize(1);
        }
    }

    @Test
    void a_reply_still_streaming_is_cut_once_it_ended() throws Exception {
        TalkHarness h = Fixtures.harness().model(Fixtures.late(Duration.ofMillis(300), call -> call > 0)).without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).get(5, TimeUnit.SECONDS);
            CompletableFuture<TurnRecord> turn = s.respond("I set it up on my phone in the evening.", t -> { });
            s.heard(1, 0);   // playback stopped before a word: nothing of it was heard
            TurnRecord r = turn.get(5, TimeUnit.SECONDS);
            assertThat(r.reply()).isNotBlank();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!agentLine(s, 1).cutOff() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(agentLine(s, 1).text()).isEmpty();
            assertThat(agentLine(s, 1).cutOff()).isTrue();
        }
    }

    private static Line agentLine(Session s, int turn) {
        List<Line> lines = s.state().transcript();
        return lines.stream().filter(l -> l.turn() == turn && l.speaker() == Line.Speaker.AGENT).findFirst().orElseThrow();
    }
}
