package com.kyckeeper.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) driven by Selenium with
 * the driver path set explicitly, so Selenium Manager never downloads anything. Without Chromium the
 * browser tests are skipped on a developer machine but FAIL when {@code CI=true}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("kyc.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("kyc.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Opens a fresh browser (own cookies, own session) against the service on {@code port}. */
    public static Browser open(int port) {
        requireChromium();
        // Belt and braces: with both paths explicit Selenium Manager is not consulted.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN", "--no-first-run",
                "--disable-extensions", "--disable-sync", "--disable-default-apps");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://127.0.0.1:" + port);
    }

    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install -y chromium chromium-driver fonts-noto-cjk)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " - required when CI=true");
        }
        Assumptions.abort(message);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Waits up to 10 s, retrying while the page is being replaced (stale or missing elements). */
    private WebDriverWait waiter() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        // while a submit replaces the page, reading an element of the old one fails in more than one way
        // (stale element, or "node does not belong to the document"): look again until the time is up
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    public WebElement find(By by) {
        return waiter().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement byId(String id) {
        return find(By.id(id));
    }

    public Browser type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser login(String user, String password) {
        go("/login");
        type("username", user);
        type("password", password);
        byId("password").submit();
        // Signed in (left /login) or refused (/login?error): either way the answer page has loaded.
        waiter().until(d -> !path().equals("/login")
                || d.getCurrentUrl().contains("error"));
        return this;
    }

    /** Waits (up to 10 s) until the current path matches, then returns it. */
    public String waitForPath(String regex) {
        waiter().until(d -> path().matches(regex));
        return path();
    }

    /** Waits (up to 10 s) until the element's text is the expected one (after a submit re-renders the page). */
    public void waitForText(String id, String expected) {
        waiter().until(d -> {
            var found = d.findElements(By.id(id));
            return !found.isEmpty() && expected.equals(found.getFirst().getText());
        });
    }

    /**
     * Waits (up to 10 s) until the address contains {@code fragment}: after a GET form is submitted to
     * the page it is on, the path alone does not tell the new page from the old one.
     */
    public void waitForUrlContaining(String fragment) {
        waiter().until(d -> d.getCurrentUrl().contains(fragment));
    }

    /** Waits (up to 10 s) until the element's text contains {@code fragment}; returns the whole text. */
    public String waitForTextContaining(String id, String fragment) {
        waiter().until(d -> {
            var found = d.findElements(By.id(id));
            return !found.isEmpty() && found.getFirst().getText().contains(fragment);
        });
        return byId(id).getText();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A full-page screenshot under target/screenshots/{name}.png, after checking every form control is labelled. */
    public Path screenshot(String name) {
        assertEveryControlIsLabelled(name);
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(1280, Math.min(Math.max(height.intValue() + 140, 600), 6000)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(before);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Labels on every field (issue 7): a visible input, select or textarea needs a label or an ARIA name. */
    @SuppressWarnings("unchecked")
    private void assertEveryControlIsLabelled(String page) {
        List<String> unlabelled = (List<String>) script("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                    .filter(e => !['hidden', 'submit', 'button', 'reset'].includes(e.type))
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                    .map(e => e.name || e.id || e.type);""");
        if (!unlabelled.isEmpty()) {
            throw new AssertionError(page + ": form controls without a label: " + unlabelled);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
