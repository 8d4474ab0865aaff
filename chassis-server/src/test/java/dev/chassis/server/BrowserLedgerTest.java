package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In headless Chromium: a researcher marks the interviewer's turn as a mistake in the live session view,
 * sees it replayed before and after the fix, and the next session keeps the fix.
 */
class BrowserLedgerTest {

    @Test
    void a_turn_marked_in_the_console_is_replayed_before_and_after_and_the_next_session_keeps_the_fix(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        BrowserInterviewTest.slowMachine();
        Files.createDirectories(BrowserInterviewTest.SHOTS);
        try (TestServer s = TestServer.start(dir); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            String study = LedgerApiTest.study(s);
            String[] session = s.newSession(study);
            String mistake = LedgerApiTest.directiveAfterRefusal(s, session);   // pressing on the sore subject
            org.assertj.core.api.Assertions.assertThat(mistake).isIn("ask", "probe");

            Page console = browser.newContext().newPage();
            console.setDefaultTimeout(20_000);
            console.navigate(s.base() + "/#token=" + s.token);
            console.navigate(s.base() + "/#/session/" + session[0]);
            console.locator("#transcript button.mark[data-turn='3']").click();
            assertThat(console.locator("#mark-answer")).containsText("sore subject");
            assertThat(console.locator("#mark-when")).hasValue("answer~(?i)How we set");

            console.locator("#mark-title").fill("Asked on after she declined");
            console.locator("#mark-kind").selectOption("context-note");
            console.locator("#mark-text").fill("Respect a refusal.");
            console.locator("#mark-submit").click();
            assertThat(console.locator("#mark-verdict")).containsText("Not activated: with the fix the turn still makes the mistake");
            assertThat(console.locator("#mark-before")).containsText("'" + mistake + "'");

            console.locator("#mark-kind").selectOption("steering-rule");
            console.locator("#mark-then").selectOption("move-on");
            console.locator("#mark-submit").click();
            assertThat(console.locator("#mark-verdict")).containsText("Active for new sessions");
            assertThat(console.locator("#mark-before")).containsText("'" + mistake + "'");
            assertThat(console.locator("#mark-after")).containsText("'moveon'");
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-mark-mistake.png")).setFullPage(true));

            org.assertj.core.api.Assertions.assertThat(LedgerApiTest.directiveAfterRefusal(s, s.newSession(study))).isEqualTo("moveon");
        }
    }
}
