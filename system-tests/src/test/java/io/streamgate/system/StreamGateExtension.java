package io.streamgate.system;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one StreamGate shared by the whole run: started by the first test class that
 * asks, stopped when the run ends. Every test makes its own data, so sharing is safe.
 */
public class StreamGateExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StreamGateExtension.class);

  /**
   * The tests act as the trusted reverse proxy (their X-Forwarded-For is believed, so each test can
   * be a client of its own), sessions go stale after 10 s (tests move a session's last heartbeat
   * back instead of waiting, see Fixtures.ageSession), and the H2 database accepts the tests' own
   * connections for setting up data.
   */
  static final Map<String, String> SHARED_SETTINGS =
      Map.of(
          "TRUSTED_PROXIES", "127.0.0.1",
          "SESSION_TIMEOUT_SECONDS", "10",
          "INTERNAL_API_KEY", "system-tests-internal-api-key");

  /**
   * The shared instance proxies the tests' fake origin, gives up on it after 2 s of silence, has a
   * segment cache of about 2 MB, so that eviction can be watched, and ends a stalled reader's
   * response after 4 s instead of 20.
   */
  static final Map<String, String> MEDIA_SETTINGS =
      Map.of(
          "UPSTREAM_TIMEOUT_SECONDS", "2",
          "SEGMENT_CACHE_MAX_SIZE_GB", "0.002",
          "MEDIA_SLOW_READER_SECONDS", "4");

  static final String INTERNAL_API_KEY = SHARED_SETTINGS.get("INTERNAL_API_KEY");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LaunchedStreamGate.class || type == FakeOrigin.class || type == MailServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    FakeOrigin origin =
        store.getOrComputeIfAbsent("origin", key -> new FakeOrigin(), FakeOrigin.class);
    if (parameter.getParameter().getType() == FakeOrigin.class) {
      return origin;
    }
    MailServer mail = store.getOrComputeIfAbsent("mail", key -> new MailServer(), MailServer.class);
    if (parameter.getParameter().getType() == MailServer.class) {
      return mail;
    }
    return store.getOrComputeIfAbsent(
        "shared",
        key -> {
          Map<String, String> settings = new HashMap<>(SHARED_SETTINGS);
          settings.putAll(MEDIA_SETTINGS);
          settings.put("UPSTREAM_ORIGIN", origin.url());
          // Tickets by e-mail go to the tests' SMTP server, fast (MAIL_RATE_PER_MINUTE).
          settings.put("SMTP_HOST", "127.0.0.1");
          settings.put("SMTP_PORT", Integer.toString(mail.port()));
          settings.put("SMTP_STARTTLS", "false");
          settings.put("MAIL_FROM", "Box office <tickets@streamgate.test>");
          settings.put("MAIL_RATE_PER_MINUTE", "60000");
          return LaunchedStreamGate.start("shared", settings);
        },
        LaunchedStreamGate.class);
  }
}
