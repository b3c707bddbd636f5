package io.streamgate.platform.revocation.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.codes.boundary.CodeView;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.events.boundary.EventView;
import io.streamgate.platform.events.boundary.EventView.EventData;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.revocation.control.Revocations;
import io.streamgate.platform.web.boundary.Items;
import io.streamgate.platform.web.boundary.JsonRequests;
import io.streamgate.platform.web.boundary.WrongType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API's access changes: revoke and un-revoke codes, deactivate and reactivate an event.
 * Each reaches every media server through the data grid right after it is committed.
 */
@Path("admin")
@AdminSession
@RolesAllowed(CallerRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: access")
public class AdminAccessResource {

  static final int MAX_BULK = 1000;

  private static final String NOT_A_LIST = "Field tokenIds must be a list of code ids.";

  /** {@code {tokenIds: [...]}}: 1 to {@value #MAX_BULK} code ids. */
  public record BulkRevoke(
      @NotNull(message = NOT_A_LIST)
          @WrongType(NOT_A_LIST)
          @Items(min = 1, max = MAX_BULK, message = "Field tokenIds must hold 1 to 1000 ids.")
          @Schema(required = true, minItems = 1, maxItems = MAX_BULK)
          List<@NotNull(message = NOT_A_LIST) String> tokenIds) {}

  /** How many codes a bulk revocation revoked. */
  public record Count(int count) {}

  /** {@code {data: {count}}}. */
  public record CountData(Count data) {}

  @Inject Revocations revocations;

  @Inject EventAdministration events;

  @Inject CodeQueries codes;

  @Inject Clients clients;

  @Inject Clock clock;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @PATCH
  @Path("tokens/{id}/revoke")
  @Operation(summary = "Revokes a code; media servers refuse its tokens at once")
  public CodeView.CodeData revoke(@PathParam("id") String id) {
    return new CodeView.CodeData(
        CodeView.of(revocations.revokeCodeWithId(id, actor(), ip()), clock.instant()));
  }

  @PATCH
  @Path("tokens/{id}/unrevoke")
  @Operation(summary = "Makes a revoked code usable again, unless it has expired")
  public CodeView.CodeData unrevoke(@PathParam("id") String id) {
    return new CodeView.CodeData(
        CodeView.of(revocations.restoreCodeWithId(id, actor(), ip()), clock.instant()));
  }

  /** {@code {tokenIds: [...]}}, 1 to 1,000 ids; all are revoked or, if one is unknown, none. */
  @POST
  @Path("tokens/bulk-revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revokes up to 1,000 codes at once: {tokenIds: [...]}; answers {count}")
  public CountData bulkRevoke(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) BulkRevoke fields) {
    return new CountData(
        new Count(revocations.revokeCodesWithIds(fields.tokenIds(), actor(), ip())));
  }

  @PATCH
  @Path("events/{id}/deactivate")
  @Operation(summary = "Closes an event to every code; media servers refuse its tokens at once")
  public EventData deactivate(@PathParam("id") String id) {
    revocations.deactivateEvent(id, actor(), ip());
    return event(id);
  }

  @PATCH
  @Path("events/{id}/reactivate")
  @Operation(summary = "Opens a deactivated event again")
  public EventData reactivate(@PathParam("id") String id) {
    revocations.reactivateEvent(id, actor(), ip());
    return event(id);
  }

  /** The platform guide's spelling of {@link #reactivate}. */
  @PATCH
  @Path("events/{id}/activate")
  @Operation(summary = "Same as PATCH events/{id}/reactivate")
  public EventData activate(@PathParam("id") String id) {
    return reactivate(id);
  }

  private EventData event(String id) {
    return new EventData(EventView.detail(events.find(id), codes.counts(id)));
  }

  private String actor() {
    return AdminAuthentication.actor(context);
  }

  private String ip() {
    return clients.ip(request);
  }
}
