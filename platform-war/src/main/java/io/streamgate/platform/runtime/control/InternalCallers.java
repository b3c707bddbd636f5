package io.streamgate.platform.runtime.control;

import io.streamgate.common.internal.InternalApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits media servers to the internal API by {@code X-Internal-Api-Key}. Without an {@code
 * INTERNAL_API_KEY} of at least 16 characters the internal API admits nobody.
 */
@ApplicationScoped
public class InternalCallers {

  /** The refusal: deliberately the same whether the key is missing, wrong or not configured. */
  public static class RefusedException extends RequestRefusedException {

    private static final long serialVersionUID = 1L;

    RefusedException() {
      super(401, "A valid internal API key is required.");
    }
  }

  @Inject
  @ConfigProperty(name = "INTERNAL_API_KEY")
  Optional<String> key;

  public void require(String presented) {
    if (!InternalApiKeys.matches(key.orElse(null), presented)) {
      throw new RefusedException();
    }
  }
}
