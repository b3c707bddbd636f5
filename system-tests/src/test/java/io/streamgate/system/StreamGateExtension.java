package io.streamgate.system;

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
   * be a client of its own), sessions go stale after 10 s so that take-over can be observed, and
   * the H2 database accepts the tests' own connections for setting up data.
   */
  static final Map<String, String> SHARED_SETTINGS =
      Map.of("TRUSTED_PROXIES", "127.0.0.1", "SESSION_TIMEOUT_SECONDS", "10");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LaunchedStreamGate.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            "shared",
            key -> LaunchedStreamGate.start("shared", SHARED_SETTINGS),
            LaunchedStreamGate.class);
  }
}
