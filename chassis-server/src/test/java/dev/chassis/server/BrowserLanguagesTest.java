package dev.chassis.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import dev.chassis.server.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The participant page in a left-to-right, a right-to-left and a CJK language (issue 16.2), in Debian's
 * Chromium: the page's own words are in the study's language, Arabic and Hebrew pages run right to left
 * (the interviewer's bubbles on the right, the person's on the left), a Japanese interview shows its
 * opening and a reply without overflowing. Screenshots go to {@code target/screenshots/}.
 */
class BrowserLanguagesTest {

    private record Case(String code, String agree, String opening, String question, String answer, boolean rtl) { }

    private static final List<Case> CASES = List.of(
            new Case("it", "Accetto di partecipare.", "Parliamo delle sue mattine.", "Come prepara il caffè la mattina?",
                    "Di solito preparo la moka appena sveglio, prima di controllare la posta e di uscire di casa.", false),
            new Case("ar", "أوافق على المشاركة.", "لنتحدث عن صباحاتك.", "كيف تحضّر قهوتك في الصباح؟",
                    "عادةً أحضّر القهوة العربية بنفسي قبل أن أقرأ الرسائل وأخرج إلى العمل.", true),
            new Case("he", "אני מסכים/ה להשתתף.", "בוא נדבר על הבקרים שלך.", "איך את/ה מכין/ה את הקפה בבוקר?",
                    "בדרך כלל אני מכין קפה שחור לפני שאני קורא מיילים ויוצא לעבודה.", true),
            new Case("ja", "参加に同意します。", "朝の過ごし方についてお話を伺います。", "朝はどのようにコーヒーを淹れていますか。",
                    "毎朝起きてすぐにハンドドリップでコーヒーを淹れて、メールを確認してから家を出ます。", false));

    @Test
    void the_participant_page_speaks_the_study_language_and_runs_right_to_left_for_arabic_and_hebrew(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserInterviewTest.CHROMIUM),
                "browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium); skipped");
        Files.createDirectories(BrowserInterviewTest.SHOTS);
        // Replies stream at the offline engine's pace; on a loaded machine that takes longer than the assertions' default 5 s.
        BrowserInterviewTest.slowMachine();
        ServerConfig config = TestServer.config(dir).withOfflinePacing(Duration.ofMillis(5), Duration.ofMillis(5));
        try (TestServer s = TestServer.start(config, null); Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserInterviewTest.CHROMIUM)
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            for (Case c : CASES) {
                String study = s.json("POST", "/api/studies", Json.write(Map.of("guideYaml", guide(c), "source", "guide-" + c.code() + ".yaml")))
                        .path("study").path("id").asText();
                String token = s.newSession(study)[1];
                Page page = browser.newContext().newPage();
                page.setDefaultTimeout(20_000);
                page.navigate(s.base() + "/p/" + token);
                assertThat(page.locator("#agree-label")).hasText(c.agree());
                assertThat(page.locator("html")).hasAttribute("lang", c.code());
                assertThat(page.locator("html")).hasAttribute("dir", c.rtl() ? "rtl" : "ltr");
                page.locator("#agree").check();
                page.locator("#start").click();
                Locator agent = page.locator("#messages li.interviewer");
                assertThat(agent.first()).containsText(c.opening());
                assertThat(page.locator("#messages li.streaming")).hasCount(0);
                page.locator("#input").fill(c.answer());
                page.locator("#input").press("Enter");
                assertThat(agent).hasCount(2);
                assertThat(page.locator("#messages li.streaming")).hasCount(0);

                BoundingBox list = page.locator("#messages").boundingBox();
                BoundingBox mine = page.locator("#messages li.participant").first().boundingBox();
                BoundingBox theirs = agent.first().boundingBox();
                double middle = list.x + list.width / 2;
                if (c.rtl()) {
                    assertThat(theirs.x + theirs.width).as(c.code()).isGreaterThan(middle);
                    assertThat(mine.x).as(c.code()).isLessThan(middle);
                } else {
                    assertThat(theirs.x).as(c.code()).isLessThan(middle);
                    assertThat(mine.x + mine.width).as(c.code()).isGreaterThan(middle);
                }
                Object overflow = page.evaluate("() => [...document.querySelectorAll('#messages li')].some(li => li.scrollWidth > li.clientWidth + 1)");
                assertThat(overflow).as(c.code()).isEqualTo(false);
                page.screenshot(new Page.ScreenshotOptions().setPath(BrowserInterviewTest.SHOTS.resolve("participant-" + c.code() + ".png"))
                        .setFullPage(true));
                page.context().close();
            }
        }
    }

    private static String guide(Case c) {
        return """
                study: lang-%s
                title: %s
                languages: [%s]
                minutes: 5
                consent: %s
                opening: %s
                objectives:
                  - id: coffee
                    title: coffee
                    priority: 5
                    share: 1.0
                    questions:
                      - %s
                """.formatted(c.code(), c.opening(), c.code(), c.opening(), c.opening(), c.question());
    }
}
