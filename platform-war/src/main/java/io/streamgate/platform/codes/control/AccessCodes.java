package io.streamgate.platform.codes.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.sessions.entity.ViewerSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Finds a code as a person typed it (any case, with or without dashes), or as a playback token
 * names it, with its event.
 */
@ApplicationScoped
public class AccessCodes {

  @PersistenceContext EntityManager em;

  /** Empty for anything that is not a well-formed code, or a code that does not exist. */
  public Optional<AccessCode> find(String typed) {
    return AccessCodeCodec.normalise(typed)
        .flatMap(
            code ->
                em.createNamedQuery(AccessCode.BY_CODE, AccessCode.class)
                    .setParameter("code", code)
                    .getResultStream()
                    .findFirst());
  }

  /**
   * The code a viewer's playback token stands for, with its event: by the code id in {@code sub}. A
   * token minted before subjects were opaque finds its code through its session instead (while that
   * session holds it), never through what the token carries. Empty when the code is gone.
   */
  public Optional<AccessCode> ofToken(PlaybackClaims token) {
    if (token.legacySubject()) {
      return em.createNamedQuery(ViewerSession.BY_SESSION_ID, ViewerSession.class)
          .setParameter("sid", token.sid())
          .getResultStream()
          .findFirst()
          .map(ViewerSession::accessCode);
    }
    return em.createNamedQuery(AccessCode.BY_ID, AccessCode.class)
        .setParameter("id", token.sub())
        .getResultStream()
        .findFirst();
  }
}
