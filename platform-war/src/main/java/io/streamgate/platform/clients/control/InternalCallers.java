package io.streamgate.platform.clients.control;

import io.streamgate.common.internal.InternalApiKeys;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Recognises media servers by {@code X-Internal-Api-Key} (they then have the role {@link
 * CallerRoles#MEDIA_SERVER}). Without an {@code INTERNAL_API_KEY} nobody is recognised and the
 * internal API admits nobody; a key that is too short or a placeholder stops start-up ({@code
 * PlatformSettings}).
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

  Optional<String> key;

  @Inject
  void configure(PlatformSettings settings) {
    key = settings.internalApiKey();
  }

  /** Whether the presented key is the configured one. */
  public boolean admits(String presented) {
    return InternalApiKeys.matches(key.orElse(null), presented);
  }

  /** The refusal of a call to the internal API by anyone else. */
  public static RefusedException refused() {
    return new RefusedException();
  }
}
