package io.streamgate.platform.revocation.boundary;

import static io.streamgate.platform.codes.boundary.CodeJson.token;
import static io.streamgate.platform.web.boundary.ApiJson.data;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.events.boundary.EventView;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.revocation.control.Revocations;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API's access changes: revoke and un-revoke codes, deactivate and reactivate an event.
 * Each reaches every media server through the data grid right after it is committed.
 */
@Path("admin")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: access")
public class AdminAccessResource {

  static final int MAX_BULK = 1000;

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
  public Map<String, Object> revoke(@PathParam("id") String id) {
    return data(token(revocations.revokeCodeWithId(id, actor(), ip()), clock.instant()));
  }

  @PATCH
  @Path("tokens/{id}/unrevoke")
  @Operation(summary = "Makes a revoked code usable again, unless it has expired")
  public Map<String, Object> unrevoke(@PathParam("id") String id) {
    return data(token(revocations.restoreCodeWithId(id, actor(), ip()), clock.instant()));
  }

  /** {@code {tokenIds: [...]}}, 1 to 1,000 ids; all are revoked or, if one is unknown, none. */
  @POST
  @Path("tokens/bulk-revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revokes up to 1,000 codes at once: {tokenIds: [...]}; answers {count}")
  public Map<String, Object> bulkRevoke(String body) {
    JsonValue value = JsonRequests.object(body, Set.of("tokenIds")).get("tokenIds");
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new BadRequestException("Field tokenIds must be a list of code ids.");
    }
    JsonArray array = value.asJsonArray();
    if (array.isEmpty() || array.size() > MAX_BULK) {
      throw new BadRequestException("Field tokenIds must hold 1 to " + MAX_BULK + " ids.");
    }
    List<String> ids = new ArrayList<>(array.size());
    for (JsonValue id : array) {
      if (id.getValueType() != JsonValue.ValueType.STRING) {
        throw new BadRequestException("Field tokenIds must be a list of code ids.");
      }
      ids.add(((JsonString) id).getString());
    }
    return data(Map.of("count", revocations.revokeCodesWithIds(ids, actor(), ip())));
  }

  @PATCH
  @Path("events/{id}/deactivate")
  @Operation(summary = "Closes an event to every code; media servers refuse its tokens at once")
  public Map<String, Object> deactivate(@PathParam("id") String id) {
    revocations.deactivateEvent(id, actor(), ip());
    return event(id);
  }

  @PATCH
  @Path("events/{id}/reactivate")
  @Operation(summary = "Opens a deactivated event again")
  public Map<String, Object> reactivate(@PathParam("id") String id) {
    revocations.reactivateEvent(id, actor(), ip());
    return event(id);
  }

  /** The platform guide's spelling of {@link #reactivate}. */
  @PATCH
  @Path("events/{id}/activate")
  @Operation(summary = "Same as PATCH events/{id}/reactivate")
  public Map<String, Object> activate(@PathParam("id") String id) {
    return reactivate(id);
  }

  private Map<String, Object> event(String id) {
    return data(EventView.detail(events.find(id), codes.counts(id)));
  }

  private String actor() {
    return AdminAuthentication.caller(context).username();
  }

  private String ip() {
    return clients.ip(request);
  }
}
