package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.chassis.server.http.Json;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole interview by voice in Debian's Chromium, headless: the participant starts by speaking, barges in on the
 * interviewer's opening, then answers each reply once it has played out, until the interviewer wraps up; the page's
 * AudioWorklet streams the microphone, the server finds the turns (Silero VAD, end of turn), recognises them
 * (pocketsphinx) and speaks the replies (espeak-ng), which the page plays.
 *
 * <p><b>How the microphone is fed.</b> Not with Chromium's {@code --use-file-for-fake-audio-capture}: it plays one file
 * from the moment capture starts, so a multi-turn script would need silences timed to replies whose length and latency
 * vary with the offline model and the machine's load. Instead an init script ({@code browser/voice-interview-probe.js})
 * makes {@code getUserMedia} return a WebAudio {@code MediaStreamDestination}, and the test pushes each espeak-ng answer
 * into it when the page shows the interviewer has finished (or, for the barge-in, while it is still speaking). The page's
 * own capture path (its AudioContext, the AudioWorklet, the binary messages) is unchanged. The same script taps what the
 * page plays (an analyser on every node connected to its output) and logs the socket's messages: "heard" is sound that
 * came out of the page, and the cut is timed from the {@code interrupted} message to silence.
 */
class BrowserVoiceTest {

    /**
     * The answers, in order: the first is spoken over the interviewer's opening (the barge-in). Sentences and voice
     * (espeak-ng's klatt voice at 140 words a minute) that pocketsphinx 0.8's English model recognises from espeak-ng at
     * all: with its default voices it makes "i got really that molecule rewarding" of a coffee answer. The last asks to
     * stop: the interviewer no longer wraps up on its own while an objective of priority 4-5 is shallow and time is left,
     * so every answer is now spoken (pocketsphinx makes "i'd read it ah see every morning" of the fourth: "morning" counts).
     */
    private static final List<String> ANSWERS = List.of("I like coffee.", "I ride my bike to work.", "I take the train to work.",
            "I drink coffee every morning.", "I want to stop.");
    /** Of each answer, the words at least one of which must be recognised. */
    private static final List<Set<String>> KEY_WORDS = List.of(Set.of("coffee", "like"), Set.of("ride", "bike"),
            Set.of("take", "train"), Set.of("drink", "coffee", "morning"), Set.of("want", "stop"));
    /** The most words a second espeak-ng speaks the interviewer's replies at (its default 175 a minute is ~3). */
    private static final double WORDS_PER_SECOND = 5;

    @Test
    void a_whole_interview_by_voice_with_one_barge_in(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM), "browser tests need Chromium at /usr/bin/chromium; skipped");
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed (Debian: apt-get install pocketsphinx-en-us); skipping");
        BrowserInterviewTest.slowMachine();
        Files.createDirectories(BrowserInterviewTest.SHOTS);
        List<String> spoken = ANSWERS.stream().map(a -> base64(Speech.synthesise(a, "en-us+klatt", 140, 50))).toList();
        String probe = Files.readString(Path.of("src/test/resources/browser/voice-interview-probe.js"));

        try (TestServer s = TestServer.start(dir.resolve("server")); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--autoplay-policy=no-user-gesture-required")))) {
            // as `chassis serve` does at start: on a cold JVM of a loaded 2-core machine the server's audio processing ran
            // seconds behind the page, and heard the barge-in only after the opening had finished playing
            assertThat(s.server.warmUpVoiceInBackground().get(120, java.util.concurrent.TimeUnit.SECONDS)).as("the voice path warmed up").isTrue();
            String guide = Files.readString(Path.of("src/test/resources/long-opening-guide.yaml"));
            String study = s.json("POST", "/api/studies", Json.write(java.util.Map.of("guideYaml", guide, "source", "long-opening-guide.yaml")))
                    .path("study").path("id").asText();
            String[] session = s.newSession(study);
            Page page = browser.newContext().newPage();
            page.setDefaultTimeout(60_000);
            page.addInitScript(probe);
            page.navigate(s.base() + "/p/" + session[1]);
            page.locator("#agree").check();
            page.locator("#start-voice").click();

            // The barge-in: once a second of the opening has come out of the page, the first answer is spoken over it.
            until(page, "a second of the opening to play", "() => { const v = window.__voiceTest, s = v.frame('agent-start', 0); "
                    + "return s && v.heardSince(s.t) > 1000 && performance.now() - v.lastSound() < 50; }", null);
            page.evaluate("b => { window.__voiceTest.say(b); }", spoken.get(0));
            until(page, "the opening to be interrupted", "() => window.__voiceTest.frame('interrupted', 0)", null);
            // Then each reply is heard out and answered, until the interviewer wraps up.
            int answered = 1;
            int turn = 1;
            while (true) {
                until(page, "reply " + turn + " to stream and play out", "t => window.__voiceTest.played(t)", turn);
                if (frame(page, "agent-end", turn).path("last").asBoolean()) {
                    break;
                }
                assertThat(answered).as("the interviewer wrapped up within %s answers", ANSWERS.size()).isLessThan(ANSWERS.size());
                page.evaluate("b => window.__voiceTest.say(b)", spoken.get(answered++));
                turn++;
            }
            until(page, "the interview to be done", "() => window.__voiceTest.frame('done')", null);
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("participant-voice.png")).setFullPage(true));
            JsonNode probed = Json.MAPPER.readTree(String.valueOf(page.evaluate("() => JSON.stringify(window.__voiceTest)")));
            List<JsonNode> frames = new ArrayList<>();
            probed.path("frames").forEach(f -> frames.add(f));
            String seen = describe(probed);

            // Turns: every answer became one turn (none split, none lost), and only the opening was interrupted.
            List<String> heard = frames.stream().filter(f -> f.path("m").path("type").asText().equals("heard"))
                    .map(f -> f.path("m").path("text").asText()).toList();
            assertThat(heard).as("one recognised turn per answer spoken; %s", seen).hasSize(answered);
            assertThat(frames).as("one barge-in; %s", seen).filteredOn(f -> f.path("m").path("type").asText().equals("interrupted"))
                    .singleElement().satisfies(f -> assertThat(f.path("m").path("turn").asInt()).isZero());
            // Words: each answer's recognised words hold one of its key words.
            List<String> misheard = new ArrayList<>();
            for (int i = 0; i < answered; i++) {
                List<String> words = List.of(heard.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().split("\\s+"));
                if (words.stream().noneMatch(KEY_WORDS.get(i)::contains)) {
                    misheard.add("'" + ANSWERS.get(i) + "' recognised as '" + heard.get(i) + "'");
                }
            }
            assertThat(misheard).as("answers recognised without any of their key words; %s", seen).isEmpty();

            // The barge-in: the opening's sound stopped when the page was told, and none of it came out afterwards.
            double interruptedAt = at(frames, "interrupted", 0);
            double nextReply = at(frames, "agent-start", 1);
            double openingStart = at(frames, "agent-start", 0);
            double lastOfOpening = 0;
            double firstOfOpening = Double.MAX_VALUE;
            for (JsonNode seg : probed.path("segments")) {
                if (seg.path("start").asDouble() > openingStart && seg.path("start").asDouble() < nextReply) {
                    lastOfOpening = Math.max(lastOfOpening, seg.path("end").asDouble());
                    firstOfOpening = Math.min(firstOfOpening, seg.path("start").asDouble());
                }
            }
            // the analyser reads 32 ms windows every 10 ms: sound still in the window when the node stopped is read once more
            assertThat(lastOfOpening - interruptedAt).as("the opening's sound stopped within 200 ms of 'interrupted'; %s", seen).isLessThan(200);

            // The transcript, turn by turn: the cut opening keeps only what had been heard, then answer and reply alternate.
            // (the state's lines, which say which were cut off; the research transcript, which exports and reports read, the same words)
            JsonNode transcript = s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript");
            assertThat(transcript).as("%s", transcript).hasSize(2 * answered + 1);
            assertThat(s.json("GET", "/api/sessions/" + session[0] + "/transcript", null).path("turns").findValuesAsText("text"))
                    .isEqualTo(transcript.findValuesAsText("text"));
            String opening = frame(page, "agent-end", 0).path("text").asText();
            JsonNode cut = transcript.get(0);
            assertThat(cut.path("speaker").asText()).isEqualTo("interviewer");
            assertThat(cut.path("cutOff").asBoolean()).as("the opening is marked cut off").isTrue();
            String kept = cut.path("text").asText();
            assertThat(opening).as("what the transcript keeps of the opening is its beginning").startsWith(kept).isNotEqualTo(kept);
            int keptWords = kept.isBlank() ? 0 : kept.trim().split("\\s+").length;
            double soundedSeconds = (interruptedAt - firstOfOpening) / 1000;
            assertThat(keptWords).as("words kept of the opening ('%s') against %.1f s of it heard", kept, soundedSeconds)
                    .isGreaterThan(0).isLessThanOrEqualTo((int) Math.ceil(soundedSeconds * WORDS_PER_SECOND) + 1);
            for (int i = 1; i < transcript.size(); i++) {
                JsonNode t = transcript.get(i);
                boolean answer = i % 2 == 1;
                assertThat(t.path("speaker").asText()).as("turn %d", i).isEqualTo(answer ? "participant" : "interviewer");
                if (answer) {
                    assertThat(t.path("text").asText()).as("turn %d: the recognised words", i).isEqualTo(heard.get(i / 2));
                } else {
                    int reply = i / 2;
                    String said = frame(page, "agent-end", reply).path("text").asText();
                    assertThat(t.path("text").asText()).as("turn %d: the reply as streamed", i).isEqualTo(said);
                    assertThat(t.path("cutOff").asBoolean()).as("turn %d is whole", i).isFalse();
                    // heard whole: at least a fifth of a second of sound per word (espeak-ng speaks ~3 words a second)
                    double sound = ((Number) page.evaluate("t => { const v = window.__voiceTest, next = v.frame('agent-start', t + 1); "
                            + "return v.heardBetween(v.frame('agent-start', t).t, next ? next.t : performance.now()); }", reply)).doubleValue();
                    assertThat(sound / 1000).as("seconds of reply %d heard ('%s'); %s", reply, said, seen)
                            .isGreaterThan(said.split("\\s+").length / WORDS_PER_SECOND);
                }
            }
            assertThat(page.locator("#messages li")).hasCount(transcript.size());
            assertThat(page.locator("#messages li.interviewer.cut")).hasCount(1);

            // the researcher's console shows the session as a spoken one: engines, and the answers' audio timings
            Page console = browser.newContext().newPage();
            console.setDefaultTimeout(60_000);
            console.navigate(s.base() + "/#token=" + s.token);
            console.navigate(s.base() + "/#/session/" + session[0]);
            LocatorAssertions.ContainsTextOptions long_ = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);
            assertThat(console.locator("#voice-facts")).containsText("browser microphone", long_);
            assertThat(console.locator("#voice-facts")).containsText("recogniser pocketsphinx");
            assertThat(console.locator("#voice-facts")).containsText("synthesiser espeak-ng");
            assertThat(console.locator("#voice-turns tbody tr").first()).containsText(Pattern.compile("^1\\d+"), long_);
            // and keeps its audio: the first answer's is listed with a player, which fetches it as a WAV file
            assertThat(console.locator("#voice-kept")).containsText("turn 1 · answer", long_);
            com.microsoft.playwright.Response wav = console.waitForResponse(r -> r.url().endsWith("/audio/1/participant"),
                    () -> console.locator("#voice-kept li", new Page.LocatorOptions().setHasText("turn 1 · answer")).locator("button").click());
            assertThat(wav.status()).isEqualTo(200);
            assertThat(wav.headerValue("content-type")).startsWith("audio/wav");
            assertThat(wav.headerValue("content-length")).as("a whole WAV file: header and the answer's samples").matches("\\d+");
            assertThat(Long.parseLong(wav.headerValue("content-length"))).isGreaterThan(44 + 16_000);
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-voice.png")).setFullPage(true));
        }
    }

    /** When the page received the message of {@code type} for {@code turn} (its clock, ms). */
    private static double at(List<JsonNode> frames, String type, int turn) {
        return frames.stream().filter(f -> f.path("m").path("type").asText().equals(type) && f.path("m").path("turn").asInt(-1) == turn)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " of turn " + turn)).path("t").asDouble();
    }

    /** Waits until {@code js} holds on the page; on a timeout, fails with what the probe saw. */
    private static void until(Page page, String what, String js, Object arg) {
        try {
            page.waitForFunction(js, arg);
        } catch (com.microsoft.playwright.TimeoutError e) {
            String probed = String.valueOf(page.evaluate("() => JSON.stringify(window.__voiceTest)"));
            try {
                throw new AssertionError("waited 60 s for " + what + "; " + describe(Json.MAPPER.readTree(probed)), e);
            } catch (java.io.IOException unreadable) {
                throw new AssertionError("waited 60 s for " + what + "; the probe said " + probed, e);
            }
        }
    }

    private static JsonNode frame(Page page, String type, int turn) throws java.io.IOException {
        return Json.MAPPER.readTree(String.valueOf(page.evaluate("([y, t]) => JSON.stringify(window.__voiceTest.frame(y, t).m)", List.of(type, turn))));
    }

    /** What the page saw, for a failure's message: its messages but tokens, and its spans of sound (ms on its clock). */
    private static String describe(JsonNode probed) {
        StringBuilder b = new StringBuilder("the page saw: ");
        for (JsonNode f : probed.path("frames")) {
            JsonNode m = f.path("m");
            if (!m.path("type").asText().equals("token")) {
                b.append(String.format(Locale.ROOT, "%n  %.0f %s %s %s", f.path("t").asDouble(), m.path("type").asText(), m.path("turn").asText(""),
                        m.path("text").asText(m.path("message").asText(""))));
            }
        }
        b.append("\n  sound:");
        probed.path("segments").forEach(seg -> b.append(String.format(Locale.ROOT, " %.0f-%.0f", seg.path("start").asDouble(), seg.path("end").asDouble())));
        return b.append("\n  audio messages: ").append(probed.path("audioMessages").asInt()).append("\n  microphone started: ")
                .append(probed.path("micStarted").asBoolean()).append("\n  status shown: ").append(probed.path("pageStatus").asText()).toString();
    }

    private static String base64(short[] samples) {
        short[] padded = Arrays.copyOf(samples, samples.length + 1_600);   // a tenth of a second of quiet after the words
        return Base64.getEncoder().encodeToString(Pcm.toBytes(padded));
    }
}
