package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.chassis.server.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In headless Chromium: a finished run's page shows its work journal, one row per step with its gates, tools and time. */
class BrowserRunTest {

    @Test
    void the_run_page_shows_the_work_journal_of_a_finished_run(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        BrowserInterviewTest.slowMachine();
        Files.createDirectories(BrowserInterviewTest.SHOTS);
        Path file = RunsTest.studyFile(dir, false);
        try (TestServer s = TestServer.start(dir.resolve("data")); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("studyFile", file.toString()))).path("id").asText();
            RunsTest.await(s, run, "done");
            Page console = browser.newContext().newPage();
            console.setDefaultTimeout(15_000);
            console.navigate(s.base() + "/#token=" + s.token);
            console.navigate(s.base() + "/#/run/" + run);
            assertThat(console.locator("#work-attempts table.work tbody tr")).hasCount(7);
            assertThat(console.locator("#work-attempts table.work tbody tr").nth(2)).containsText("send_invites ok");
            assertThat(console.locator("#work-attempts table.work tbody tr").nth(6)).containsText("schema pass");
            assertThat(console.locator("#timeline li").first()).containsText("recruit");   // the server's own timeline stays
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-run-work.png")).setFullPage(true));
        }
    }
}
