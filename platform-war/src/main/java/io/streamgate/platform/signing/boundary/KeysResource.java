package io.streamgate.platform.signing.boundary;

import io.streamgate.platform.signing.control.KeyRing;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/keys}: the public keys that verify playback JWTs, as a JWK set. */
@Path("keys")
public class KeysResource {

  @Inject KeyRing keys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String jwks() {
    return keys.publicKeys().toString(true);
  }
}
