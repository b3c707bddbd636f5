package io.streamgate.platform.codes.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.codes.entity.AccessCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds a code as a person typed it (any case, with or without dashes), with its event. */
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
}
