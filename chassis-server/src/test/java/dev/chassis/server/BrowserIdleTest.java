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
             Browser browser = launch(pw)) {
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

    /**
     * The race the idle close had with an answer: the answer reaches a server that has just closed the interview, so it is
     * refused as the connection closes (4408). Played here by the browser's own WebSocket route, which swallows the first
     * answer and closes the page's connection as the server would; the page sends it again on a new connection, and it is
     * in the transcript once.
     */
    @Test
    void an_answer_that_crosses_the_idle_close_is_sent_again_and_kept_once(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        BrowserInterviewTest.slowMachine();
        try (TestServer s = TestServer.start(dir); Playwright pw = Playwright.create();
             Browser browser = launch(pw)) {
            String[] session = s.newSession(s.shortStudy());
            Page p = browser.newContext().newPage();
            p.setDefaultTimeout(BrowserInterviewTest.ACTION_TIMEOUT_MS);
            java.util.concurrent.atomic.AtomicBoolean swallowed = new java.util.concurrent.atomic.AtomicBoolean();
            p.routeWebSocket(java.util.regex.Pattern.compile(".*/ws/p/.*"), page -> {
                com.microsoft.playwright.WebSocketRoute server = page.connectToServer();
                page.onMessage(frame -> {
                    String text = frame.text();
                    if (text != null && text.contains("\"type\":\"say\"") && swallowed.compareAndSet(false, true)) {
                        page.close(new com.microsoft.playwright.WebSocketRoute.CloseOptions().setCode(4408).setReason("closed after a while"));
                        return;
                    }
                    if (text != null) {
                        server.send(text);
                    } else {
                        server.send(frame.binary());
                    }
                });
                server.onMessage(frame -> {
                    if (frame.text() != null) {
                        page.send(frame.text());
                    } else {
                        page.send(frame.binary());
                    }
                });
            });
            p.navigate(s.base() + "/p/" + session[1]);
            p.locator("#agree").check();
            p.locator("#start").click();
            assertThat(p.locator("#messages li.interviewer")).hasCount(1);
            assertThat(p.locator("#messages li.streaming")).hasCount(0);

            p.locator("#input").fill(LiveInterviewTest.ANSWERS.get(0));
            p.locator("#input").press("Enter");

            assertThat(p.locator("#messages li.interviewer")).hasCount(2);
            assertThat(p.locator("#messages li.participant")).hasCount(1);
            org.assertj.core.api.Assertions.assertThat(swallowed).as("the first answer was swallowed by the route").isTrue();
            List<String> said = new java.util.ArrayList<>();
            s.json("GET", "/api/sessions/" + session[0] + "/state", null).path("transcript").forEach(l -> {
                if (l.path("speaker").asText().equals("participant")) {
                    said.add(l.path("text").asText());
                }
            });
            org.assertj.core.api.Assertions.assertThat(said).containsExactly(LiveInterviewTest.ANSWERS.get(0));
        }
    }

    private static Browser launch(Playwright pw) {
        return pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }
}
