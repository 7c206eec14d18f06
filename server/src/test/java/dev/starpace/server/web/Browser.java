package dev.starpace.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with a WAV file as its microphone (played once, then
 * silence), at a window width of our choosing; screenshots go to target/screenshots. Its console is kept, so
 * that a test can see what the Content-Security-Policy refused.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final int DESKTOP = 1400;
    static final int PHONE = 390;

    final ChromeDriver driver;

    Browser(Path profile, Path microphone, int width) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=" + width + ",1000", "--autoplay-policy=no-user-gesture-required",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--use-file-for-fake-audio-capture=" + microphone.toAbsolutePath() + "%noloop",
            "--user-data-dir=" + profile);
        // the console, where the browser says what the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        width(width);
    }

    /** Sets the page's own width (the viewport), whatever the window's frame takes. */
    void width(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 1000, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Downloads go to this folder, without asking. */
    void downloadsTo(Path folder) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
    }

    void open(String url) {
        driver.get(url);
    }

    /** A wait that looks again when the page re-rendered the element it was reading (the report redraws as it loads). */
    WebDriverWait waiting(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void waitFor(String css) {
        waiting(30).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text, read again if the page re-rendered it while it was read. */
    String text(String css) {
        return waiting(10).until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** How wide the page is laid out: more than the viewport means it scrolls sideways. */
    long pageWidth() {
        return ((Number) js("return document.documentElement.scrollWidth")).longValue();
    }

    /** The whole page as a PNG, as tall as its content. */
    void shot(String name) {
        try {
            long height = ((Number) js("return Math.max(document.documentElement.scrollHeight, 600)")).longValue();
            long width = ((Number) js("return window.innerWidth")).longValue();
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", Math.min(height, 6000), "deviceScaleFactor", 1, "mobile", width < 600));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            width((int) width);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (the npm package, in test resources) in the page and returns its serious and critical
     * violations, each as "rule: target".
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityProblems() {
        try {
            if (Boolean.FALSE.equals(js("return typeof window.axe !== 'undefined'"))) {
                js(Files.readString(Path.of("src/test/resources/axe-core/axe.min.js")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')))))
              .catch((e) => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    /** Presses a key on whatever has the focus, as a keyboard would. */
    void press(CharSequence key) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
    }

    /**
     * Walks the page with the Tab key from its start and returns what it could not reach: every visible link, enabled
     * button, field, player and focusable element should take the focus once, and show it (an outline, or for a time
     * line mark its outlined hit area).
     */
    @SuppressWarnings("unchecked")
    List<String> keyboardProblems() {
        Number count = (Number) js("""
            const all = [...document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, audio[controls], [tabindex="0"]')]
              .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
            all.forEach((e, i) => { e.dataset.kw = i; });
            window.__reached = new Set();
            window.__unseen = [];
            document.addEventListener('focusin', (ev) => {
              const e = ev.target;
              if (!e.dataset || e.dataset.kw === undefined) return;
              window.__reached.add(e.dataset.kw);
              const hit = e.querySelector && e.querySelector(':scope > .hit');
              const style = getComputedStyle(e);
              const shown = hit ? getComputedStyle(hit).stroke !== 'none' : style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
              if (!shown) window.__unseen.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''));
            });
            if (document.activeElement) document.activeElement.blur();
            window.scrollTo(0, 0);
            return all.length;""");
        // a player's controls take several stops of their own
        for (int i = 0; i < count.intValue() + 5 + 6 * all("audio[controls]").size(); i++) {
            press(org.openqa.selenium.Keys.TAB);
        }
        return (List<String>) js("""
            const missed = [...document.querySelectorAll('[data-kw]')].filter((e) => !window.__reached.has(e.dataset.kw))
              .map((e) => 'not reached: ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40));
            return missed.concat([...new Set(window.__unseen)].map((u) => 'focus not shown: ' + u));""");
    }

    /** What the server's Content-Security-Policy refused since the last call: every page must run within it. */
    List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy")).distinct().toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
