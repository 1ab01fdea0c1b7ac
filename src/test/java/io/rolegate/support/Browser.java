package io.rolegate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for tests, driven the way a person uses the pages: fields by their label,
 * buttons and links by their visible name. Use in try-with-resources; each instance has a fresh profile.
 */
public final class Browser implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private static final Path DOWNLOADS = Path.of("target", "browser-downloads");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final Path downloads;
    private final int width;

    private Browser(ChromeDriver driver, URI base, Path profile, Path downloads, int width) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.downloads = downloads;
        this.width = width;
    }

    /** The axe-core script the build installs from the npm registry (pom.xml, generate-test-resources). */
    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    /** A browser whose Accept-Language is {@code language} (e.g. "en", "ja"), with pages under {@code base}. */
    public static Browser start(URL base, String language) {
        return start(base, language, 1280, 1024, false);
    }

    /**
     * As {@link #start(URL, String)}, with a viewport of {@code width} × {@code height} CSS pixels; {@code phone}
     * emulates a mobile device (the page's viewport meta tag applies, as on a phone).
     */
    public static Browser start(URL base, String language, int width, int height, boolean phone) {
        Browser browser = start(base, language, width, height);
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        return browser;
    }

    private static Browser start(URL base, String language, int width, int height) {
        try {
            Path profile = Files.createTempDirectory("rolegate-browser-");
            Path downloads = Files.createDirectories(DOWNLOADS.resolve(profile.getFileName())).toAbsolutePath();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=" + width + "," + height, "--lang=" + language, "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            return new Browser(driver, base.toURI(), profile, downloads, width);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Opens a path of the application, or an absolute address (an invite link). */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base.resolve(pathOrUrl).toString());
        return this;
    }

    /** The form field whose label reads exactly {@code label}. */
    public WebElement byLabel(String label) {
        WebElement element = waitFor(d -> d.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]"))
                .stream().findFirst().orElse(null));
        return byId(element.getAttribute("for"));
    }

    /** A button, link, heading or disclosure summary whose visible name is exactly {@code name}. */
    public WebElement byRole(String role, String name) {
        String tag = switch (role) {
            case "button" -> "button";
            case "link" -> "a";
            case "heading" -> "*[self::h1 or self::h2 or self::h3]";
            case "summary" -> "summary";
            default -> throw new IllegalArgumentException("unsupported role " + role);
        };
        return waitFor(d -> d.findElements(By.xpath("//" + tag + "[normalize-space()=" + literal(name) + "]"))
                .stream().findFirst().orElse(null));
    }

    public WebElement byId(String id) {
        return waitFor(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
    }

    public Browser fill(String label, String value) {
        WebElement field = byLabel(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public Browser press(String buttonName) {
        byRole("button", buttonName).click();
        return this;
    }

    /** Polls until the condition gives a value that is neither null nor false, failing after a deadline. */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            // A page that navigates while the condition reads it leaves stale elements, or nodes Chromium no longer
            // knows ("Node with given id does not belong to the document"): read the new page next time.
            return new WebDriverWait(driver, DEADLINE).ignoring(StaleElementReferenceException.class)
                    .ignoring(WebDriverException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + DEADLINE.toSeconds() + " s in vain on " + driver.getCurrentUrl()
                    + ", which shows:\n" + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Waits until the current page is {@code path} (query ignored). */
    public Browser waitForPath(String path) {
        waitFor(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
        return this;
    }

    /** Waits until the page shows {@code text} and returns the page's visible text. */
    public String waitForText(String text) {
        return waitFor(d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return body.contains(text) ? body : null;
        });
    }

    /** The path of the page shown now, without query or fragment. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits until a download named {@code fileName} has completed, and returns the file. */
    public Path download(String fileName) {
        Path file = downloads.resolve(fileName);
        waitFor(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    /**
     * Saves the whole page, not only the window, as {@code target/screenshots/{name}.png} ({@code name} may hold
     * folders), to look at the layout.
     */
    public Path screenshot(String name) {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                    "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the browser live in {@code zone} (an IANA name), as if its computer were set to it. */
    public Browser timeZone(String zone) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        return this;
    }

    /** Runs {@code script} in the page; {@code arguments[0]}… are {@code args}. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** From now on pages run no script at all, as in a browser with JavaScript turned off. */
    public Browser withoutJavaScript() {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        return this;
    }

    /** Signs in through the sign-in form, whatever the page's language, and waits until the form is gone. */
    public Browser signIn(String email, String password) {
        open("/login");
        byId("j_username").sendKeys(email);
        byId("j_password").sendKeys(password);
        byId("j_password").submit();
        waitFor(d -> !path().equals("/login") && !path().equals("/j_security_check"));
        return this;
    }

    /**
     * The axe-core violations of the page as it is now (every rule axe runs by default, WCAG 2.x A and AA and best
     * practices, and the experimental label-content-name-mismatch, WCAG 2.5.3), one line per rule with its impact and
     * the elements it found; empty when there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations() {
        try {
            driver.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by the build into " + AXE, e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {
                  resultTypes: ['violations'],
                  rules: { 'label-content-name-mismatch': { enabled: true } }
                }).then(function (results) {
                  done(results.violations.map(function (v) {
                    return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(function (n) {
                      return n.target.join(' ');
                    }).join(', ');
                  }));
                }).catch(function (error) { done(['axe-core failed: ' + error]); });
                """);
        return (List<String>) result;
    }

    /**
     * How many CSS pixels the page is wider than the window it was started with (it scrolls sideways); 0 when it fits.
     * The window's width, not {@code window.innerWidth}: a phone zooms out to show a page wider than its screen, and
     * its inner width grows with the page.
     */
    public long sidewaysOverflow() {
        Number overflow = (Number) driver.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - arguments[0]);", width);
        return overflow.longValue();
    }

    public String pageLanguage() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    @Override
    public void close() {
        driver.quit();
        delete(profile);
        delete(downloads);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XPath string literal for any text, quotes included. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
