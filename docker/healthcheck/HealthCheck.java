import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The containers' health check: exits 0 when the URL (the MicroProfile readiness endpoint) answers
 * 200, else 1. The Payara Micro image has neither curl nor wget, and its shell differs between
 * releases; a JVM is the one HTTP client it is sure to have. Compiled once when the image is built,
 * so a check costs a JVM start (about a tenth of a second), not a compilation.
 *
 * <p>Where the environment sets {@code payaramicro_port} (the server's HTTP port), that port is
 * asked instead of the URL's.
 *
 * <p>What it prints ends up in {@code docker inspect}: the status and, when not ready, the start of
 * the health document, which names the check that is DOWN.
 */
public final class HealthCheck {

  private HealthCheck() {}

  public static void main(String[] args) {
    String url = onTheServersPort(args.length > 0 ? args[0] : "http://127.0.0.1:8080/health/ready");
    int status;
    String body;
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(5_000);
      connection.setInstanceFollowRedirects(false);
      status = connection.getResponseCode();
      InputStream stream =
          status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      body = stream == null ? "" : start(stream);
      connection.disconnect();
    } catch (IOException | RuntimeException e) {
      System.out.println(url + " did not answer: " + e);
      System.exit(1);
      return;
    }
    System.out.println(url + " answered " + status + (status == 200 ? "" : ": " + body));
    System.exit(status == 200 ? 0 : 1);
  }

  /**
   * The URL on the port the server listens on: a container given another HTTP port (Payara Micro's
   * {@code payaramicro_port}, with host networking, say) is asked there.
   */
  static String onTheServersPort(String url) {
    String port = System.getenv("payaramicro_port");
    if (port == null || !port.matches("[0-9]{1,5}")) {
      return url;
    }
    URI given = URI.create(url);
    return given.getScheme() + "://" + given.getHost() + ":" + port + given.getRawPath();
  }

  private static String start(InputStream stream) throws IOException {
    try (stream) {
      return new String(stream.readNBytes(2_048), StandardCharsets.UTF_8).strip();
    }
  }
}
