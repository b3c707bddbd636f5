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
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
      } else if (args.length >= 2 && args[0].equals("device")) {
        DeviceClient.enroll(Arrays.copyOfRange(args, 1, args.length));
      } else if (args.length >= 2 && args[0].equals("box-office")) {
        DeviceClient.boxOffice(Arrays.copyOfRange(args, 1, args.length));
      } else {
        fail(
            "usage: ./streamgate hash-password | keys list | keys rotate | keys retire KID"
                + " | device enroll CODE | box-office lookup CODE | box-office issue --event ID"
                + " --count N | box-office release CODE");
      }
    } catch (IOException e) {
      fail(e.getMessage());
    }
  }

  static void fail(String message) {
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

  static HttpResponse<String> send(
      HttpClient http, String url, String method, String path, String json) throws IOException {
    return send(http, url, method, path, json, null);
  }

  /** Sends a request, with {@code Authorization: Bearer token} when a token is given. */
  static HttpResponse<String> send(
      HttpClient http, String url, String method, String path, String json, String token)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
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

  static String error(HttpResponse<String> response) {
    String error = field(response.body(), "error");
    return error.isEmpty() ? "no message" : error;
  }

  static String field(String json, String name) {
    Matcher value =
        Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|null)")
            .matcher(json);
    return value.find() && value.group(1) != null ? value.group(1) : "";
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  // --- device client ---------------------------------------------------------------------------

  /**
   * An enrolled device's side: {@code device enroll CODE} exchanges a one-time enrollment code for
   * credentials and keeps them in a file only its owner may read ({@code STREAMGATE_DEVICE_FILE},
   * else {@code DATA/device.json}); the {@code box-office} commands use them, refreshing the access
   * token when it has run out (or is refused as such) and storing the rotated refresh token before
   * anything else. A file lock keeps two commands of one device from refreshing at once: the
   * platform takes a refresh token presented twice for a stolen one and revokes the device.
   */
  static final class DeviceClient {

    private static final Pattern BOOLEAN = Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false)");
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)");

    /** What the credentials file holds. */
    record Credentials(
        String url, String accessToken, long accessExpiresAt, String refreshToken, String role) {

      String json() {
        return "{\"url\":"
            + quote(url)
            + ",\"accessToken\":"
            + quote(accessToken)
            + ",\"accessExpiresAt\":"
            + accessExpiresAt
            + ",\"refreshToken\":"
            + quote(refreshToken)
            + ",\"role\":"
            + quote(role)
            + "}";
      }

      static Credentials of(String json) {
        return new Credentials(
            field(json, "url"),
            field(json, "accessToken"),
            number(json, "accessExpiresAt"),
            field(json, "refreshToken"),
            field(json, "role"));
      }

      /** From an answer of /api/auth/device or /api/auth/refresh. */
      static Credentials answered(String url, String json) {
        long now = System.currentTimeMillis() / 1000;
        return new Credentials(
            url,
            field(json, "accessToken"),
            now + number(json, "expiresIn"),
            field(json, "refreshToken"),
            field(json, "role"));
      }
    }

    private DeviceClient() {}

    static void enroll(String[] args) throws IOException {
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      boolean json = rest.remove("--json");
      String name = option(rest, "--name");
      if (rest.size() != 2 || !rest.get(0).equals("enroll")) {
        fail("usage: ./streamgate device enroll CODE [--name NAME] [--json]");
      }
      String url = env("STREAMGATE_URL", "http://127.0.0.1:8080").replaceFirst("/+$", "");
      Path file = file();
      try (FileChannel lock = lock(file)) {
        HttpResponse<String> answer =
            send(
                http(),
                url,
                "POST",
                "/api/auth/device",
                "{\"code\":"
                    + quote(rest.get(1))
                    + (name == null ? "" : ",\"deviceName\":" + quote(name))
                    + "}");
        if (answer.statusCode() != 200) {
          fail("enrollment refused (" + answer.statusCode() + "): " + error(answer));
        }
        Credentials credentials = Credentials.answered(url, answer.body());
        store(file, credentials);
        if (json) {
          System.out.println(
              "{\"enrolled\":true,\"role\":" + quote(credentials.role()) + ",\"file\":"
                  + quote(file.toString()) + "}");
        } else {
          System.out.println(
              "Enrolled as " + credentials.role() + "; credentials kept in " + file + ".");
        }
      }
    }

    static void boxOffice(String[] args) throws IOException {
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      boolean json = rest.remove("--json");
      String event = option(rest, "--event");
      String count = option(rest, "--count");
      String label = option(rest, "--label");
      String action = rest.get(0);
      String path;
      String body;
      switch (action) {
        case "lookup", "release" -> {
          if (rest.size() != 2) {
            fail("usage: ./streamgate box-office " + action + " CODE [--json]");
          }
          path = "/api/admin/box-office/" + action;
          body = "{\"code\":" + quote(rest.get(1)) + "}";
        }
        case "issue" -> {
          if (rest.size() != 1
              || event == null
              || !event.matches("[A-Za-z0-9-]{1,36}")
              || count == null
              || !count.matches("\\d{1,3}")) {
            fail("usage: ./streamgate box-office issue --event ID --count N [--label L] [--json]");
          }
          path = "/api/admin/box-office/events/" + event + "/codes";
          body =
              "{\"count\":" + count + (label == null ? "" : ",\"label\":" + quote(label)) + "}";
        }
        default -> {
          fail("box-office takes lookup CODE, issue --event ID --count N, or release CODE");
          return;
        }
      }
      HttpResponse<String> answer = call("POST", path, body);
      if (json) {
        System.out.println(answer.body());
        if (answer.statusCode() / 100 != 2) {
          System.exit(1);
        }
        return;
      }
      if (answer.statusCode() / 100 != 2) {
        fail("the platform refused (" + answer.statusCode() + "): " + error(answer));
      }
      String data = answer.body();
      switch (action) {
        case "lookup" -> {
          System.out.println("Code      " + field(data, "code"));
          System.out.println("Status    " + field(data, "status"));
          System.out.println(
              "Event     " + field(data, "title") + " (" + field(data, "id") + ")");
          System.out.println("Watching  " + (flag(data, "watchingNow") ? "yes, now" : "no"));
          System.out.println("Expires   " + field(data, "expiresAt"));
        }
        case "issue" -> {
          Matcher code = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(data);
          int issued = 0;
          while (code.find()) {
            System.out.println(code.group(1));
            issued++;
          }
          System.err.println("Issued " + issued + " codes for event " + event + ".");
        }
        default ->
            System.out.println(
                flag(data, "released")
                    ? "Released: the code can be used on another device now."
                    : "The code had no viewer session; nothing to release.");
      }
    }

    /**
     * Sends with the stored access token: refreshed first when it has run out, and once more when
     * the platform refuses it (it may have been minted by a key retired since).
     */
    private static HttpResponse<String> call(String method, String path, String body)
        throws IOException {
      Path file = file();
      try (FileChannel lock = lock(file)) {
        if (!Files.isRegularFile(file)) {
          fail("this device is not enrolled; run ./streamgate device enroll CODE first");
        }
        Credentials credentials = Credentials.of(Files.readString(file));
        HttpClient http = http();
        boolean refreshed = false;
        if (System.currentTimeMillis() / 1000 + 30 >= credentials.accessExpiresAt()) {
          credentials = refresh(http, file, credentials);
          refreshed = true;
        }
        HttpResponse<String> answer =
            send(http, credentials.url(), method, path, body, credentials.accessToken());
        if (answer.statusCode() == 401 && !refreshed) {
          credentials = refresh(http, file, credentials);
          answer = send(http, credentials.url(), method, path, body, credentials.accessToken());
        }
        return answer;
      }
    }

    private static Credentials refresh(HttpClient http, Path file, Credentials old)
        throws IOException {
      HttpResponse<String> answer =
          send(
              http,
              old.url(),
              "POST",
              "/api/auth/refresh",
              "{\"refreshToken\":" + quote(old.refreshToken()) + "}");
      if (answer.statusCode() != 200) {
        fail(
            "this device's sign-in was refused ("
                + answer.statusCode()
                + ": "
                + error(answer)
                + "); it may have been revoked. Enroll it again with a new code:"
                + " ./streamgate device enroll CODE");
      }
      Credentials next = Credentials.answered(old.url(), answer.body());
      store(file, next);
      return next;
    }

    /** Writes the credentials owner-only, replacing the file in one step. */
    private static void store(Path file, Credentials credentials) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path staged =
          Files.createTempFile(
              parent,
              ".device",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(staged, credentials.json());
        Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(staged);
      }
    }

    /** An exclusive lock beside the credentials file, held while they are read and replaced. */
    private static FileChannel lock(Path file) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path lockFile = parent.resolve(file.getFileName() + ".lock");
      FileChannel channel =
          FileChannel.open(
              lockFile,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      channel.lock();
      return channel;
    }

    private static Path file() {
      String configured = System.getenv("STREAMGATE_DEVICE_FILE");
      if (configured != null && !configured.isBlank()) {
        return Path.of(configured);
      }
      return Path.of(env("STREAMGATE_DATA_DIR", "data")).resolve("device.json");
    }

    private static HttpClient http() {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }

    /** Removes {@code --name value} from the arguments and answers the value. */
    private static String option(List<String> args, String name) {
      int at = args.indexOf(name);
      if (at < 0) {
        return null;
      }
      if (at + 1 >= args.size()) {
        fail(name + " needs a value");
      }
      String value = args.get(at + 1);
      args.subList(at, at + 2).clear();
      return value;
    }

    private static boolean flag(String json, String name) {
      Matcher value = BOOLEAN.matcher(json);
      while (value.find()) {
        if (value.group(1).equals(name)) {
          return value.group(2).equals("true");
        }
      }
      return false;
    }

    private static long number(String json, String name) {
      Matcher value = NUMBER.matcher(json);
      while (value.find()) {
        if (value.group(1).equals(name)) {
          return Long.parseLong(value.group(2));
        }
      }
      return 0;
    }
  }
}
