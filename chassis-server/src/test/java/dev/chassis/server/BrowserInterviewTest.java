package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Debian's Chromium, headless: a researcher makes a participant link in the console and watches the
 * session live while a participant, in another browser context, consents, is interviewed, interrupts the
 * interviewer by typing, and finishes. Screenshots go to {@code target/screenshots/}.
 */
class BrowserInterviewTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void a_participant_completes_an_interview_while_the_console_shows_its_state_updating(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        Files.createDirectories(SHOTS);
        slowMachine();
        // 120 ms a word: a reply streams for several seconds, so typing over it reaches the server before it ends even on a
        // loaded 2-core machine (at 25 ms, and once in 9 loaded runs at 50 ms, the reply had ended and nothing was cut)
        ServerConfig config = TestServer.config(dir).withOfflinePacing(Duration.ofMillis(20), Duration.ofMillis(120));
        try (TestServer s = TestServer.start(config, null); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            String study = s.shortStudy();
            Page console = browser.newContext().newPage();
            console.setDefaultTimeout(ACTION_TIMEOUT_MS);
            console.navigate(s.base() + "/#token=" + s.token);
            assertThat(console.locator("#study-table")).containsText(study);
            console.locator("#study-table a", new Page.LocatorOptions().setHasText(study)).click();
            console.locator("#new-link").click();
            String link = console.locator("#new-link-out a").getAttribute("href");
            assertThat(link).contains("/p/");
            console.locator("#session-table a").first().click();
            assertThat(console.locator("#session-status")).hasText("invited");

            Page participant = browser.newContext().newPage();
            participant.setDefaultTimeout(ACTION_TIMEOUT_MS);
            participant.navigate(link);
            assertThat(participant.locator("#consent-text")).hasText("This is a test conversation.");
            assertThat(participant.locator("#start")).isDisabled();
            participant.locator("#agree").check();
            participant.locator("#start").click();
            Locator agent = participant.locator("#messages li.interviewer");
            assertThat(agent.first()).containsText("coffee");
            assertThat(participant.locator("#messages li.streaming")).hasCount(0);
            assertThat(console.locator("#session-status")).hasText("live");
            console.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-live-start.png")).setFullPage(true));

            assertThat(console.locator("#transcript li.interviewer")).hasCount(1);

            // The first answer: the console shows it with the monitors' signals and the next directive as they happen.
            answer(participant, LiveInterviewTest.ANSWERS.get(0));
            assertThat(participant.locator("#messages li.interviewer")).hasCount(2);
            assertThat(participant.locator("#messages li.streaming")).hasCount(0);
            assertThat(console.locator("#transcript li.participant")).hasCount(1);
            assertThat(console.locator("#transcript li.interviewer")).hasCount(2);
            assertThat(console.locator("#signals li").first()).containsText("turn 1");
            assertThat(console.locator("#directives li").first()).containsText("turn 1");
            console.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-live-middle.png")).setFullPage(true));

            // Another answer, then typing while the reply streams: the interviewer is cut off.
            answer(participant, LiveInterviewTest.ANSWERS.get(1));
            participant.locator("#messages li.interviewer.streaming").waitFor();
            participant.locator("#input").pressSequentially("The ", new Locator.PressSequentiallyOptions().setDelay(20));
            assertThat(participant.locator("#messages li.interviewer.cut")).hasCount(1);
            participant.locator("#composer button[type=submit]").click();

            for (int i = 1; i < 20 && participant.locator(".done").count() == 0; i++) {
                assertThat(participant.locator("#messages li.streaming")).hasCount(0);
                if (participant.locator(".done").count() > 0 || participant.locator("#input").isDisabled()) {
                    break;
                }
                answer(participant, LiveInterviewTest.ANSWERS.get(Math.min(i + 1, LiveInterviewTest.ANSWERS.size() - 1)));
            }
            assertThat(participant.locator(".done")).isVisible();
            assertThat(participant.locator("#composer")).isHidden();
            participant.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("participant-done.png")).setFullPage(true));

            assertThat(console.locator("#session-status")).hasText("completed");
            assertThat(console.locator("#signals li").first()).isVisible();
            assertThat(console.locator("#directives li").first()).containsText("turn");
            assertThat(console.locator("#chart-coverage canvas")).hasCount(1);
            console.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-completed.png")).setFullPage(true));
        }
    }

    /**
     * Waits of a browser test for a loaded CI machine (2 cores): Playwright's assertions wait 5 s by default, less than a
     * resumed session or a reply can take there; they return as soon as the page is as expected.
     */
    static void slowMachine() {
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
    }

    static final double ACTION_TIMEOUT_MS = 60_000;

    private static void answer(Page p, String text) {
        p.locator("#input").fill(text);
        p.locator("#input").press("Enter");
    }
}
