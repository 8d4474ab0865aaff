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
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.PocketSphinx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Debian's Chromium, headless, with a fake microphone playing espeak-ng speech: the participant starts by speaking,
 * the page streams the microphone through its AudioWorklet, their answer is recognised and shown as their line, and the
 * reply is captioned and played. (Speaking over the interviewer is {@link VoiceInterviewTest}'s: when the fake
 * microphone's words reach the server depends on how fast the engines start.)
 */
class BrowserVoiceTest {

    @Test
    void a_participant_answers_by_voice_in_the_browser(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM), "browser tests need Chromium at /usr/bin/chromium; skipped");
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        BrowserInterviewTest.slowMachine();
        assumeTrue(Files.isDirectory(PocketSphinx.DEBIAN_MODEL), "pocketsphinx-en-us is not installed; skipping");
        short[] said = Speech.synthesise("I like coffee.", "en-us+f2", 150, 50);
        short[] audio = new short[16_000 * 2 + said.length + 16_000 * 4];   // two seconds of quiet, the answer, then quiet
        System.arraycopy(said, 0, audio, 16_000 * 2, said.length);
        Path wav = dir.resolve("answer.wav");
        Files.write(wav, Speech.toWav(audio));

        try (TestServer s = TestServer.start(dir.resolve("server")); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                             "--use-file-for-fake-audio-capture=" + wav + "%noloop", "--autoplay-policy=no-user-gesture-required")))) {
            String[] session = s.newSession(s.shortStudy());
            Page page = browser.newContext().newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(s.base() + "/p/" + session[1]);
            page.locator("#agree").check();
            page.locator("#start-voice").click();

            LocatorAssertions.ContainsTextOptions long_ = new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);
            // Which words pocketsphinx makes of Chromium's resampled fake microphone varies with the machine's load ("i like
            // coffee", once "i like ah the"): recognition accuracy is VoiceInterviewTest's (exact audio over a socket); here,
            // that the page's audio became a turn whose recognised words are shown and journaled.
            assertThat(page.locator("#messages li.participant").first()).containsText(java.util.regex.Pattern.compile("[a-z]{2,}", java.util.regex.Pattern.CASE_INSENSITIVE), long_);
            String shown = page.locator("#messages li.participant").first().textContent().strip();
            page.locator("#messages li.interviewer:not(.streaming)").nth(1).waitFor();
            page.waitForFunction("() => Number(document.body.dataset.voicePlayedMs || 0) > 1000");
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("participant-voice.png")));

            JsonNode transcript = s.json("GET", "/api/sessions/" + session[0] + "/transcript", null);
            assertThat(transcript.path("turns").get(1).path("text").asText()).isEqualTo(shown);

            // the researcher's console shows the session as a spoken one: engines, and the answer's audio timings
            Page console = browser.newContext().newPage();
            console.setDefaultTimeout(60_000);
            console.navigate(s.base() + "/#token=" + s.token);
            console.navigate(s.base() + "/#/session/" + session[0]);
            assertThat(console.locator("#voice-facts")).containsText("browser microphone", long_);
            assertThat(console.locator("#voice-facts")).containsText("recogniser pocketsphinx");
            assertThat(console.locator("#voice-facts")).containsText("synthesiser espeak-ng");
            assertThat(console.locator("#voice-turns tbody tr").first()).containsText(java.util.regex.Pattern.compile("^1\\d+"), long_);
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-voice.png")).setFullPage(true));
        }
    }
}
