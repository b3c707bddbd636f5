package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The viewer's journey in another engine: WebKit (WebKitGTK's MiniBrowser under Xvfb, see {@link
 * WebKit}) against the shared instance: code entry, playback through hls.js, the player's controls
 * drawn as in Chromium. Screenshots in {@code target/screenshots/webkit-*.png}. WebKitGTK offers no
 * native HLS, so Safari's branch ({@code ?player=native}) is not played here; the {@code __token}
 * rewriting it relies on is tested in {@code MediaDeliveryIT}.
 */
@ExtendWith(StreamGateExtension.class)
class WebKitIT {

  private static final Duration FIRST_FRAME_LIMIT = Duration.ofSeconds(3);

  private static WebKit webkit;
  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static DemoStreams streams;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) throws Exception {
    webkit = WebKit.launch();
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    streams = new DemoStreams(shared.dataDir().resolve("streams"));
  }

  @AfterAll
  static void close() {
    if (webkit != null) {
      webkit.close();
    }
  }

  @Test
  void aViewerRedeemsAndWatchesInWebKitWithReadableControls() throws Exception {
    String event = streams.recording(fixtures.liveEvent());
    String code = fixtures.code(event);
    webkit.driver.get(streamGate.uri("/").toString());
    assertEquals(
        "Watch your event", webkit.driver.findElement(By.cssSelector("#entry h1")).getText());
    webkit.screenshot("webkit-entry");

    webkit.driver.findElement(By.id("code")).sendKeys(code);
    long pressed = System.nanoTime();
    webkit.driver.findElement(By.id("watch")).click();
    Eventually.await(
        "playback in WebKit",
        Duration.ofSeconds(15),
        () ->
            Boolean.TRUE.equals(
                webkit.script("return document.getElementById('video').currentTime > 0;")));
    Duration firstFrame = Duration.ofNanos(System.nanoTime() - pressed);
    Files.writeString(
        Chromium.SCREENSHOTS.resolve("webkit-time-to-first-frame.txt"),
        firstFrame.toMillis() + " ms\n");
    assertTrue(firstFrame.compareTo(FIRST_FRAME_LIMIT) < 0, "first frame after " + firstFrame);
    assertEquals(
        Boolean.TRUE,
        webkit.script(
            "return !!window.Hls && Hls.isSupported()"
                + " && document.getElementById('video').src.startsWith('blob:');"),
        "hls.js plays it (Media Source Extensions)");

    // The quality menu is drawn by the page, light on dark, not by WebKit's white native box.
    @SuppressWarnings("unchecked")
    List<Object> select =
        (List<Object>)
            webkit.script(
                "const s = getComputedStyle(document.getElementById('quality'));"
                    + " return [s.appearance || s.webkitAppearance, s.color, s.backgroundColor];");
    assertEquals("none", select.get(0), "the select's own look, not the platform's");
    assertTrue(
        contrast((String) select.get(1), (String) select.get(2)) >= 4.5,
        "quality menu colours " + select);
    webkit.script("document.getElementById('player').dispatchEvent(new MouseEvent('mousemove'));");
    webkit.screenshot("webkit-player");
  }

  /** WCAG contrast ratio of two {@code rgb(...)} colours. */
  private static double contrast(String one, String two) {
    double a = luminance(one);
    double b = luminance(two);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminance(String rgb) {
    String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
    double[] channel = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Double.parseDouble(parts[i]) / 255;
      channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
  }
}
