package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, driven headless through chromium-driver. The driver path is set explicitly so Selenium Manager
 * never downloads anything; without chromium the browser tests are skipped, saying how to install it.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;

  private Browser(ChromeDriver driver, String baseUrl, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
  }

  /** A desktop-sized browser (a counter PC). */
  public static Browser desktop(int port) {
    return open(port, null);
  }

  /** A phone-sized browser: the page is laid out for a 360 CSS-pixel-wide screen. */
  public static Browser phone(int port) {
    return open(port, Map.of("deviceMetrics", Map.of("width", 360, "height", 780, "pixelRatio", 1.0)));
  }

  private static Browser open(int port, Map<String, Object> mobileEmulation) {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. "
            + "Install them with: apt-get install chromium chromium-driver");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("motcua-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--window-size=1280,900", "--lang=vi-VN", "--user-data-dir=" + profile);
      // The console, to find what the pages' Content-Security-Policy blocked (cspViolations).
      org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
      logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      if (mobileEmulation != null) {
        options.setExperimentalOption("mobileEmulation", mobileEmulation);
      }
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, "http://localhost:" + port, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the Content-Security-Policy blocked on the pages shown since the last call, as the console said it. */
  public java.util.List<String> cspViolations() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
  }

  public WebDriver driver() {
    return driver;
  }

  public void go(String path) {
    driver.get(baseUrl + path);
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public String text(By by) {
    return driver.findElement(by).getText();
  }

  public boolean has(By by) {
    return !driver.findElements(by).isEmpty();
  }

  /** Clicks a button or link that loads another page, and waits until the old page is gone. */
  public void clickAndWait(By by) {
    WebElement element = driver.findElement(by);
    element.click();
    waiting().until(d -> isGone(element));
    waiting().until(d -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  /** Chromium reports a node of the page just left either as stale or, mid-navigation, as not in the document. */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException | NoSuchElementException gone) {
      return true;
    } catch (WebDriverException midNavigation) {
      return String.valueOf(midNavigation.getMessage()).contains("does not belong to the document");
    }
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /** Signs out by forgetting the session (and the language choice). */
  public void forget() {
    driver.manage().deleteAllCookies();
  }

  /** The whole page (not only the visible part) as target/screenshots/{name}.png. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
          .get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One element of the page (e.g. a section), scrolled into view, as target/screenshots/{name}.png. */
  public Path screenshot(String name, By element) {
    try {
      Files.createDirectories(SCREENSHOTS);
      WebElement found = find(element);
      driver.executeScript("arguments[0].scrollIntoView(true)", found);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, found.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Downloads a link of the page with the page's own session, as a click would, and returns the HTTP status and
   * content type (e.g. {@code [200, "application/pdf"]}); headless chromium would otherwise save the file silently.
   */
  public java.util.List<Object> download(By link) {
    String href = driver.findElement(link).getAttribute("href");
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    @SuppressWarnings("unchecked")
    java.util.List<Object> answer = (java.util.List<Object>) driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
            + " done([r.status, r.headers.get('content-type'), b.byteLength]); }); })"
            + ".catch(function (e) { done([0, String(e), 0]); });", href);
    return answer;
  }

  /** A file to attach to a form, under target/ (chromium reads it from the disk). */
  public static Path file(String name, byte[] content) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "upload-files"));
      return Files.write(dir.resolve(name), content).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nothing sticks out sideways: the page is no wider than the screen it is shown on. */
  public void assertNoHorizontalScroll() {
    Object[] widths = ((java.util.List<?>) driver.executeScript(
        "return [document.documentElement.scrollWidth, window.innerWidth];")).toArray();
    assertThat(((Number) widths[0]).longValue()).as("page width at %s px on %s", widths[1], path())
        .isLessThanOrEqualTo(((Number) widths[1]).longValue());
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }
}
