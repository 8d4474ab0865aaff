package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.chassis.server.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In headless Chromium, a workflow run's page: what a paused step asks to approve (the draft, the tool call with its
 * arguments), approve and reject, every policy verdict; "fork from here" and the two runs side by side.
 */
class BrowserForkTest {

    private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @BeforeEach
    void chromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        Files.createDirectories(BrowserInterviewTest.SHOTS);
    }

    @Test
    void a_run_is_forked_from_a_step_on_its_page_and_shown_beside_the_original(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir.resolve("data")); Playwright pw = Playwright.create(); Browser browser = launch(pw)) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("workflowFile", WorkflowRunsApiTest.RECRUIT.toString()))).path("id").asText();
            WorkflowRunsApiTest.await(s, run, "waiting");
            Page console = open(browser, s, run);
            assertThat(console.locator("#pending-asks")).containsText("would you talk with us for 20 minutes", SLOW);   // the draft itself
            console.locator("#approve").click();
            assertThat(console.locator("#run-status")).hasText("done", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
            Files.writeString(dir.resolve("data/ledger/no-durations.yaml"), WorkflowRunsApiTest.NO_DURATIONS);

            console.locator("#work-attempts tbody tr").nth(2).locator("button.fork-from").click();
            assertThat(console.locator("#fork-step")).hasText("invite");
            console.locator("#fork-instruction").fill("Draft the invitation; never say how long it takes.");
            console.locator("#fork-submit").click();
            assertThat(console.locator("#run-id")).hasText(run + "-fork-1", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(console.locator("#fork-of")).containsText("Fork of " + run + " from step invite", SLOW);
            assertThat(console.locator("#run-status")).hasText("failed", new LocatorAssertions.HasTextOptions().setTimeout(90_000));

            console.locator("#compare").click();
            assertThat(console.locator("#diff-table tbody tr")).hasCount(3);
            assertThat(console.locator("#diff-table tbody tr.changed")).hasCount(1);
            assertThat(console.locator("#diff-table tbody tr.changed")).containsText("~ invite");
            assertThat(console.locator("#diff-table tbody tr").nth(2).locator("td").nth(1)).containsText("20 minutes");
            assertThat(console.locator("#diff-summary")).hasText("1 of 3 steps differ: invite");
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-run-diff.png")).setFullPage(true));
        }
    }

    @Test
    void a_tool_call_the_policy_asks_about_is_shown_with_its_arguments_then_approved_and_rejected(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir.resolve("data")); Playwright pw = Playwright.create(); Browser browser = launch(pw)) {
            String run = s.json("POST", "/api/runs", Json.write(Map.of("workflowFile", WorkflowRunsApiTest.NOTES.toString()))).path("id").asText();
            WorkflowRunsApiTest.await(s, run, "waiting");
            Page console = open(browser, s, run);
            assertThat(console.locator("#pending-what")).containsText("asks to make this tool call", SLOW);
            assertThat(console.locator("#pending-asks")).containsText("path: notes/ana.md");
            assertThat(console.locator("#pending-asks")).containsText("text: Dear Ana, thank you");
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-run-tool-call.png")).setFullPage(true));
            console.locator("#approve").click();
            assertThat(console.locator("#pending-asks")).containsText("path: notes/dev.md", SLOW);
            console.locator("#decision-note").fill("too familiar");
            console.locator("#reject").click();
            assertThat(console.locator("#run-status")).hasText(Pattern.compile("done|failed"), new LocatorAssertions.HasTextOptions().setTimeout(90_000));
            assertThat(console.locator("#decision")).isHidden();
            assertThat(console.locator("#work-attempts tbody tr").nth(1)).containsText("policy asked_and_approved");
            assertThat(console.locator("#work-attempts tbody tr").nth(1)).containsText("write_file refused");
            assertThat(console.locator("#work-attempts tbody tr").nth(1)).containsText("policy asked_and_refused");
            assertThat(console.locator("#decisions li")).hasCount(2);
        }
    }

    @Test
    void an_interview_is_forked_at_the_bad_turn_and_both_transcripts_are_shown_side_by_side(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir); Playwright pw = Playwright.create(); Browser browser = launch(pw)) {
            String[] session = s.newSession(LedgerApiTest.study(s));
            LedgerApiTest.directiveAfterRefusal(s, session);   // probed on a sore subject
            org.assertj.core.api.Assertions.assertThat(s.call("POST", "/api/sessions/" + session[0] + "/incidents",
                    SessionForkApiTest.MOVE_ON).statusCode()).isEqualTo(201);
            Page console = browser.newContext().newPage();
            console.setDefaultTimeout(30_000);
            console.navigate(s.base() + "/#token=" + s.token);
            console.navigate(s.base() + "/#/session/" + session[0]);
            console.locator("#transcript button.fork-here[data-turn='3']").click();
            assertThat(console.locator("#sfork-turn")).hasText("3");
            console.locator("#sfork-persona").selectOption("contradicting-founder");
            console.locator("#sfork-submit").click();
            assertThat(console.locator("#sfork-summary")).containsText("The fork goes elsewhere from turn 3.", SLOW);
            assertThat(console.locator("#sfork-summary")).containsText("persona contradicting-founder answered, with the ledger as it is now");
            assertThat(console.locator("#sfork-table tbody tr").nth(2)).hasClass(Pattern.compile("changed"));
            assertThat(console.locator("#sfork-table tbody tr").nth(2).locator("td").nth(2)).containsText("sore subject");
            assertThat(console.locator("#sfork-table tbody tr").nth(2).locator("td").nth(3)).not().containsText("sore subject");
            assertThat(console.locator("#sfork-signals")).containsText("Signals: recorded");
            console.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("console-session-fork.png")).setFullPage(true));
        }
    }

    private static Browser launch(Playwright pw) {
        BrowserInterviewTest.slowMachine();
        return pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    private static Page open(Browser browser, TestServer s, String run) {
        Page console = browser.newContext().newPage();
        console.setDefaultTimeout(30_000);
        console.navigate(s.base() + "/#token=" + s.token);
        console.navigate(s.base() + "/#/run/" + run);
        return console;
    }
}
