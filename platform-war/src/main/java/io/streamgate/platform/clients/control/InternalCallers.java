package io.streamgate.platform.clients.control;

import io.streamgate.common.internal.InternalApiKeys;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Recognises media servers by {@code X-Internal-Api-Key} (they then have the role {@link
 * CallerRoles#MEDIA_SERVER}). Without an {@code INTERNAL_API_KEY} of at least 16 characters nobody
 * is recognised, and the internal API admits nobody.
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

  private static final Logger LOG = Logger.getLogger(InternalCallers.class.getName());

  Optional<String> key;

  @Inject
  void configure(PlatformSettings settings) {
    key = settings.internalApiKey();
  }

  /**
   * Says once at start-up why a configured key is not used (a placeholder copied from {@code
   * docker/.env.example}, say): the internal API then admits nobody, and edge media servers that
   * poll revocations are refused until the key is fixed.
   */
  void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    key.flatMap(InternalApiKeys::problem)
        .ifPresent(
            problem ->
                LOG.warning(problem + "; the internal API refuses every call until it is fixed"));
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
