import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Operators' commands behind {@code ./streamgate hash-password} and {@code ./streamgate keys}, run
 * as a single source file by the JDK (nothing to build, no libraries). Secrets are read from the
 * console without echo and never printed.
 */
public final class StreamGateOps {

  /** What the platform's console passwords use (Jakarta Security's PBKDF2 format). */
  static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  static final int ITERATIONS = 210_000;
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 1024;

  private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

  private StreamGateOps() {}

  public static void main(String[] args) {
    try {
      if (args.length >= 1 && args[0].equals("hash-password") && args.length == 1) {
        System.out.println(hash(readNewPassword()));
      } else if (args.length >= 2 && args[0].equals("keys")) {
        keys(Arrays.copyOfRange(args, 1, args.length));
      } else {
        fail("usage: ./streamgate hash-password | keys list | keys rotate | keys retire KID");
      }
    } catch (IOException e) {
      fail(e.getMessage());
    }
  }

  private static void fail(String message) {
    System.err.println("streamgate: " + message);
    System.exit(2);
  }

  // --- hash-password ---------------------------------------------------------------------------

  /** From the console twice without echo; from standard input once when it is not a terminal. */
  static char[] readNewPassword() throws IOException {
    Console console = System.console();
    char[] password;
    if (console != null) {
      password = console.readPassword("Password (%d+ characters): ", MIN_LENGTH);
      char[] again = console.readPassword("Same password again: ");
      if (password == null || !Arrays.equals(password, again)) {
        fail("the two passwords differ; nothing printed");
      }
    } else {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
      fail("a console password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    return password;
  }

  /** {@code PBKDF2WithHmacSHA256:210000:<salt>:<hash>}, Base64, as the platform verifies it. */
  static String hash(char[] password) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    try {
      byte[] hash =
          SecretKeyFactory.getInstance(ALGORITHM)
              .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256))
              .getEncoded();
      Base64.Encoder base64 = Base64.getEncoder();
      return ALGORITHM
          + ":"
          + ITERATIONS
          + ":"
          + base64.encodeToString(salt)
          + ":"
          + base64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot compute " + ALGORITHM, e);
    }
  }

  // --- keys ------------------------------------------------------------------------------------

  static void keys(String[] args) throws IOException {
    String url = env("STREAMGATE_URL", "http://127.0.0.1:8080").replaceFirst("/+$", "");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String user = env("STREAMGATE_ADMIN_USER", "admin");
    HttpResponse<String> login =
        send(
            http,
            url,
            "POST",
            "/api/admin/login",
            "{\"username\":" + quote(user) + ",\"password\":" + quote(password(user)) + "}");
    if (login.statusCode() != 200) {
      fail("login as '" + user + "' refused (" + login.statusCode() + "): " + error(login));
    }
    HttpResponse<String> answer;
    switch (args[0]) {
      case "list" -> answer = send(http, url, "GET", "/api/admin/keys", null);
      case "rotate" -> answer = send(http, url, "POST", "/api/admin/keys", "");
      case "retire" -> {
        if (args.length != 2 || !args[1].matches("[A-Za-z0-9-]{1,64}")) {
          fail("keys retire needs the id of a key (see ./streamgate keys list)");
        }
        answer = send(http, url, "POST", "/api/admin/keys/" + args[1] + "/retire", "");
      }
      default -> {
        fail("keys takes list, rotate or retire KID");
        return;
      }
    }
    if (answer.statusCode() / 100 != 2) {
      fail("the platform refused (" + answer.statusCode() + "): " + error(answer));
    }
    System.out.printf("%-30s %-28s %-28s %s%n", "KID", "CREATED", "RETIRED", "SIGNING");
    Matcher key = OBJECT.matcher(answer.body());
    while (key.find()) {
      String json = key.group();
      System.out.printf(
          "%-30s %-28s %-28s %s%n",
          field(json, "kid"),
          field(json, "createdAt"),
          field(json, "retiredAt"),
          json.contains("\"signing\":true") ? "yes" : "");
    }
  }

  /** ADMIN_PASSWORD, else the launcher's generated password file, else asked for. */
  private static String password(String user) throws IOException {
    String password = System.getenv("ADMIN_PASSWORD");
    if (password != null && !password.isEmpty()) {
      return password;
    }
    String file = System.getenv("STREAMGATE_ADMIN_PASSWORD_FILE");
    boolean generated = file != null && !file.isEmpty() && Files.isReadable(Path.of(file));
    if (generated && user.equals("admin")) {
      return Files.readString(Path.of(file)).trim();
    }
    Console console = System.console();
    if (console == null) {
      fail("set ADMIN_PASSWORD to the password of '" + user + "'");
    }
    return new String(console.readPassword("Password of %s: ", user));
  }

  private static HttpResponse<String> send(
      HttpClient http, String url, String method, String path, String json) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      fail("no platform answers at " + url + "; start it or set STREAMGATE_URL");
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String error(HttpResponse<String> response) {
    String error = field(response.body(), "error");
    return error.isEmpty() ? "no message" : error;
  }

  private static String field(String json, String name) {
    Matcher value =
        Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|null)")
            .matcher(json);
    return value.find() && value.group(1) != null ? value.group(1) : "";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
