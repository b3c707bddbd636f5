package io.streamgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * WebKit for the browser tests: Debian's WebKitGTK MiniBrowser, driven through its own
 * WebKitWebDriver (W3C WebDriver, Selenium's client) on a private Xvfb display. Required like
 * Chromium when {@code streamgate.require.browser} is set (CI); otherwise its tests are skipped on
 * a machine without it. WebKitGTK has no native HLS, so it plays through hls.js as Chromium does.
 */
final class WebKit implements AutoCloseable {

  static final Path DRIVER = Path.of("/usr/bin/WebKitWebDriver");
  static final Path XVFB = Path.of("/usr/bin/Xvfb");

  private final Process display;
  private final Process driverProcess;
  final RemoteWebDriver driver;

  private WebKit(Process display, Process driverProcess, RemoteWebDriver driver) {
    this.display = display;
    this.driverProcess = driverProcess;
    this.driver = driver;
  }

  static WebKit launch() throws Exception {
    Path browser = miniBrowser();
    if (!Files.isExecutable(DRIVER) || !Files.isExecutable(XVFB) || browser == null) {
      String missing = "WebKitWebDriver, Xvfb or the MiniBrowser (webkit2gtk-driver, xvfb)";
      if (Boolean.getBoolean("streamgate.require.browser")) {
        throw new AssertionError("WebKit is required but missing: " + missing);
      }
      System.err.println("\n*** SKIPPED: WebKit tests, no " + missing + " ***\n");
      Assumptions.abort("no " + missing);
    }
    int number = 100 + (int) (ProcessHandle.current().pid() % 800);
    Process display =
        new ProcessBuilder(
                XVFB.toString(), ":" + number, "-screen", "0", "1400x1000x24", "-nolisten", "tcp")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int port = LaunchedStreamGate.freePort();
    ProcessBuilder driverStart =
        new ProcessBuilder(DRIVER.toString(), "--host=127.0.0.1", "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    driverStart.environment().put("DISPLAY", ":" + number);
    Process driverProcess = driverStart.start();
    try {
      URL url = URI.create("http://127.0.0.1:" + port).toURL();
      Eventually.await("WebKitWebDriver listening", Duration.ofSeconds(20), () -> ready(url));
      MutableCapabilities capabilities = new MutableCapabilities();
      capabilities.setCapability(
          "webkitgtk:browserOptions",
          Map.of("binary", browser.toString(), "args", List.of("--automation")));
      RemoteWebDriver driver = new RemoteWebDriver(url, capabilities);
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      return new WebKit(display, driverProcess, driver);
    } catch (RuntimeException | Error e) {
      driverProcess.destroy();
      display.destroy();
      throw e;
    }
  }

  private static boolean ready(URL driver) {
    try {
      return TestHttp.send(
                  TestHttp.client(),
                  java.net.http.HttpRequest.newBuilder(URI.create(driver + "/status")).build())
              .statusCode()
          == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  /** The MiniBrowser of the installed WebKitGTK, if any. */
  private static Path miniBrowser() throws IOException {
    Path lib = Path.of("/usr/lib");
    if (!Files.isDirectory(lib)) {
      return null;
    }
    try (Stream<Path> found =
        Files.find(
            lib,
            3,
            (path, attributes) ->
                path.getFileName().toString().equals("MiniBrowser")
                    && path.getParent().getFileName().toString().startsWith("webkit2gtk-"))) {
      return found.sorted().reduce((first, second) -> second).orElse(null);
    }
  }

  /** Writes what the window shows to {@code target/screenshots/<name>.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(Chromium.SCREENSHOTS);
      Files.write(
          Chromium.SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's script, its value. */
  Object script(String body, Object... arguments) {
    return driver.executeScript(body, arguments);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      driverProcess.destroy();
      display.destroy();
    }
  }
}
