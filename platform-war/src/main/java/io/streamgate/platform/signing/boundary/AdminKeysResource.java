package io.streamgate.platform.signing.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.signing.control.KeyRing;
import io.streamgate.platform.signing.control.SigningKeys;
import io.streamgate.platform.signing.entity.SigningKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Playback signing keys, for super admins: list, rotate, retire (also {@code ./streamgate keys}).
 */
@Path("admin/keys")
@AdminSession
@RolesAllowed(CallerRoles.SUPER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: signing keys")
public class AdminKeysResource {

  @Inject SigningKeys keys;

  @Inject KeyRing ring;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @Operation(summary = "Every key, newest first: kid, createdAt, retiredAt, signing")
  public KeyView.KeysData list() {
    String signing = ring.signer().kid();
    return new KeyView.KeysData(keys.all().stream().map(key -> KeyView.of(key, signing)).toList());
  }

  @POST
  @Operation(summary = "Rotates: a new key signs from now on; older active keys keep verifying")
  public Response rotate() {
    SigningKey key = keys.rotate(actor(), clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(new KeyView.KeyData(KeyView.of(key, key.kid())))
        .build();
  }

  @POST
  @Path("{kid}/retire")
  @Operation(
      summary =
          "Retires a key: tokens it signed are refused; the only active key cannot be retired")
  public KeyView.KeyData retire(@PathParam("kid") String kid) {
    SigningKey key = keys.retire(kid, actor(), clients.ip(request));
    return new KeyView.KeyData(KeyView.of(key, ring.signer().kid()));
  }

  private String actor() {
    return AdminAuthentication.actor(context);
  }
}
