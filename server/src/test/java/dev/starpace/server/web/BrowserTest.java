package dev.starpace.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starpace.engine.bank.Card;
import dev.starpace.engine.probe.FindingProbes;
import dev.starpace.server.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real page in Debian's headless Chromium, with the seed's weak answer (spoken by festival) as its
 * microphone: the live timeline moves, the report shows phases and flags, the attempt is in the history and
 * replays with the word under the playhead highlighted.
 */
class BrowserTest {
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path data;

    private StarPaceServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        server = StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data, Fixtures.BANK, Fixtures.model()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1200,1800", "--autoplay-policy=no-user-gesture-required",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--use-file-for-fake-audio-capture=" + Fixtures.wav("seed-weak").toAbsolutePath() + "%noloop",
            "--user-data-dir=" + data.resolve("chromium"));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void aSpokenAnswerMovesTheTimelineIsScoredStoredAndReplays() throws IOException {
        String base = "http://127.0.0.1:" + server.port() + "/";
        browser.get(base + "#/q/customer-obsession-above-and-beyond/practice?level=sde2");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.id("start-answer")).isEmpty());
        browser.findElement(By.id("start-answer")).click();
        wait.until(d -> d.findElement(By.id("recording-status")).getText().equals("Recording…"));

        // the live timeline moves and the transcript fills in, coloured by phase
        wait.until(d -> d.findElements(By.cssSelector("#live-timeline .bar")).stream()
            .anyMatch(b -> b.getAttribute("data-seconds") != null && Double.parseDouble(b.getAttribute("data-seconds")) > 2));
        wait.until(d -> d.findElements(By.cssSelector("#live-transcript .w[data-phase]")).size() >= 15);
        assertTrue(browser.findElement(By.id("recording-timer")).getText().matches("0:[0-9]{2}"));
        shot("practice-live");

        // let the recording finish, then stop
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> d.findElement(By.id("live-transcript")).getText().contains("resolved"));
        browser.findElement(By.id("stop-answer")).click();
        wait.until(d -> d.getCurrentUrl().contains("#/attempt/") && !d.findElements(By.id("score")).isEmpty());

        // the report: phases against targets, the checklist with flags, the verdict
        wait.until(d -> d.findElements(By.cssSelector("#phase-chart rect")).size() == 5);
        assertEquals(5, browser.findElements(By.cssSelector("#phase-chart rect")).size());
        assertTrue(browser.findElement(By.cssSelector("#phase-chart rect[data-phase='result']")).getAttribute("width") != null);
        WebElement handOff = browser.findElement(By.cssSelector("#rule-checklist li[data-rule='no-disqualifiers']"));
        assertEquals("fail", handOff.getAttribute("class"));
        assertTrue(handOff.getText().contains("i told the platform team about it"), handOff.getText());
        assertEquals("fail", browser.findElement(By.cssSelector("#rule-checklist li[data-rule='result-quantified']")).getAttribute("class"));
        assertTrue(browser.findElement(By.id("verdict")).getText().contains("for this LP (Customer Obsession)"));
        assertFalse(browser.findElements(By.cssSelector("#report-transcript .w.flag")).isEmpty(), "flags highlighted in the transcript");
        shot("report");

        // stored: in the history, complete, and it replays with the word under the playhead highlighted
        browser.get(base + "#/history");
        wait.until(d -> !d.findElements(By.cssSelector("#history tr[data-attempt]")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("#history tr[data-attempt]"));
        assertFalse(browser.findElement(By.id("app")).getText().contains("null"), "nothing left unrendered");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains("finished"), rows.get(0).getText());
        rows.get(0).findElement(By.cssSelector("a[data-open]")).click();
        wait.until(d -> !d.findElements(By.id("replay-audio")).isEmpty());
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return document.getElementById('replay-audio').readyState"))
            .intValue() >= 1);
        browser.findElements(By.cssSelector("#report-transcript .w")).get(8).click();
        wait.until(d -> !d.findElements(By.cssSelector("#report-transcript .w.now")).isEmpty());
        shot("replay");
        assertNoPolicyViolations();
    }

    @Test
    void aMockInterviewGivesNoHintsThenAsksAndJudgesTheFollowUps() throws IOException {
        browser.get("http://127.0.0.1:" + server.port() + "/#/q/customer-obsession-above-and-beyond/mock?level=sde2");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.id("begin-mock")).isEmpty());
        browser.findElement(By.id("begin-mock")).click();
        wait.until(d -> !d.findElements(By.id("start-answer")).isEmpty());
        browser.findElement(By.id("start-answer")).click();
        wait.until(d -> d.findElement(By.id("recording-status")).getText().equals("Recording…"));
        assertTrue(browser.findElements(By.id("live-timeline")).isEmpty(), "no timeline while answering a mock interview");
        assertTrue(browser.findElements(By.id("live-transcript")).isEmpty(), "no transcript either");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("recording-timer")).getText().compareTo("0:06") >= 0);
        browser.findElement(By.id("stop-answer")).click();

        // the follow-ups, one by one, each answer judged against the card
        // chosen for the answer: a card probe whose premise holds, or one about what it left out (quoting it, perhaps)
        wait.until(d -> !d.findElements(By.cssSelector(".probe-question")).isEmpty());
        String asked = browser.findElement(By.cssSelector(".probe-question")).getText();
        Card.Probe probe = FindingProbes.all(Fixtures.BANK.get("customer-obsession-above-and-beyond")).stream()
            .filter(p -> asked.endsWith(p.question())).findFirst().orElse(null);
        assertTrue(probe != null, asked);
        wait.until(d -> !d.findElements(By.id("start-answer")).isEmpty());
        browser.findElement(By.id("start-answer")).click();
        wait.until(d -> d.findElement(By.id("recording-status")).getText().equals("Recording…"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("recording-timer")).getText().compareTo("0:03") >= 0);
        browser.findElement(By.id("stop-answer")).click();
        // the verdict waits for the end of the interview, as an interviewer's would
        wait.until(d -> d.findElement(By.id("mock-stage")).getText().contains("Follow-up 2 of "));
        assertTrue(browser.findElements(By.cssSelector("#probe-verdicts [data-verdict]")).isEmpty(), "no verdict mid-interview");
        browser.findElement(By.id("end-interview")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#probe-verdicts [data-verdict]")).isEmpty());
        WebElement verdict = browser.findElement(By.cssSelector("#probe-verdicts [data-verdict]"));
        assertTrue(List.of("strong", "weak", "mixed").contains(verdict.getAttribute("data-verdict")));
        assertTrue(verdict.getText().contains("Strong answers say: " + probe.strong().keyLine()), verdict.getText());
        shot("mock");
        assertNoPolicyViolations();
    }

    @Test
    void cardTextIsShownAsTextNeverAsMarkup() throws IOException {
        Path cards = Files.createDirectories(data.resolve("cards"));
        String card = Files.readString(Path.of("../engine/src/main/resources/cards/generic-behavioural.json"))
            .replace("\"id\": \"generic-behavioural\"", "\"id\": \"injected\"")
            .replace("Tell me about a time you solved a hard problem at work.", "<img src=x onerror=\\\"document.title='pwned'\\\"><b>bold</b>");
        Files.writeString(cards.resolve("injected.json"), card);
        server.close();
        server = StarPaceServer.start(new StarPaceServer.Settings("127.0.0.1", 0, data, Fixtures.BANK.withFolder(cards), Fixtures.model()));
        browser.get("http://127.0.0.1:" + server.port() + "/#/q/injected/study");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("question-title")).isEmpty());
        assertTrue(browser.findElement(By.id("question-title")).getText().startsWith("<img src=x onerror="));
        assertTrue(browser.findElements(By.cssSelector("#app img, #app b")).stream().noneMatch(e -> e.getText().equals("bold")));
        assertTrue(browser.findElements(By.cssSelector("#app img")).isEmpty(), "no element was made from the text");
        assertFalse(browser.getTitle().contains("pwned"));
        assertNoPolicyViolations();
    }

    /** The page runs under the server's Content-Security-Policy: nothing it does may be refused by it. */
    private void assertNoPolicyViolations() {
        List<String> refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), refused.toString());
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
