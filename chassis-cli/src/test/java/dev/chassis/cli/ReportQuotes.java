package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the quotes of an HTML report against the transcripts they cite, for tests. */
final class ReportQuotes {

    private static final Pattern QUOTE = Pattern.compile(
            "<blockquote dir=\"auto\" data-session=\"([^\"]+)\" data-turn=\"(\\d+)\">(.*?) <cite>", Pattern.DOTALL);

    private ReportQuotes() {
    }

    /** Asserts every quote is verbatim in its cited participant turn; returns how many there were. */
    static int assertAllVerbatim(String html, List<Transcript> transcripts) {
        Matcher m = QUOTE.matcher(html);
        int n = 0;
        while (m.find()) {
            String session = unescape(m.group(1));
            int number = Integer.parseInt(m.group(2));
            Turn turn = transcripts.stream().filter(t -> t.id().equals(session)).findFirst()
                    .flatMap(t -> t.turn(number)).orElseThrow(() -> new AssertionError("no turn " + session + "#" + number));
            assertThat(turn.byParticipant()).as(session + "#" + number + " is a participant turn").isTrue();
            assertThat(turn.text()).as(session + "#" + number).contains(unescape(m.group(3)));
            n++;
        }
        return n;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
