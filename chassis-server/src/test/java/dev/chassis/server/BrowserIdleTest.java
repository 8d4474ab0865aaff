package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In headless Chromium: the participant page says when the interview was closed for inactivity and picks it up again when they answer. */
class BrowserIdleTest {

    @Test
    void an_interview_closed_for_inactivity_continues_when_the_participant_answers(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        Files.createDirectories(BrowserInterviewTest.SHOTS);
        BrowserInterviewTest.slowMachine();
        // Above the page's typing signal (one a second while the participant types): with 800 ms the interview could close
        // again while the answer was being typed, and an answer sent as that close crossed it was refused and lost.
        ServerConfig config = TestServer.config(dir).withIdleTimeout(Duration.ofSeconds(3));
        try (TestServer s = TestServer.start(config, null); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            String[] session = s.newSession(s.shortStudy());
            Page p = browser.newContext().newPage();
            p.setDefaultTimeout(BrowserInterviewTest.ACTION_TIMEOUT_MS);
            p.navigate(s.base() + "/p/" + session[1]);
            p.locator("#agree").check();
            p.locator("#start").click();
            assertThat(p.locator("#messages li.interviewer")).hasCount(1);
            assertThat(p.locator("#messages li.streaming")).hasCount(0);

            assertThat(p.locator("#status")).containsText("Paused after a while without activity");
            p.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("participant-idle.png")).setFullPage(true));

            p.locator("#input").pressSequentially(LiveInterviewTest.ANSWERS.get(0));
            p.locator("#input").press("Enter");
            assertThat(p.locator("#messages li.participant")).hasCount(1);
            assertThat(p.locator("#messages li.interviewer")).hasCount(2);
            assertThat(p.locator("#messages li.streaming")).hasCount(0);
            assertThat(p.locator("#status")).hasText("");
        }
    }
}
