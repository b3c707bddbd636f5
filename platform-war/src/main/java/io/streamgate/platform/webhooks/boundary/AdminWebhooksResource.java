package io.streamgate.platform.webhooks.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.web.boundary.JsonRequests;
import io.streamgate.platform.webhooks.control.Webhooks;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Super admins' webhook endpoints and their deliveries, under {@code /api/admin/webhooks}. */
@Path("admin/webhooks")
@AdminSession
@RolesAllowed(CallerRoles.SUPER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminWebhooksResource {

  @Inject Webhooks webhooks;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Registers an endpoint; the answer carries its secret, shown only now")
  public Response create(
      @NotNull(message = JsonRequests.NOT_AN_OBJECT) WebhookRequests.Endpoint fields) {
    Webhooks.WithSecret created =
        webhooks.create(
            new Webhooks.Fields(
                fields.url(),
                fields.description(),
                fields.events(),
                Boolean.TRUE.equals(fields.includeCodes()),
                !Boolean.FALSE.equals(fields.active())),
            AdminAuthentication.actor(context),
            clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(new WebhookView.EndpointData(WebhookView.of(created.endpoint(), created.secret())))
        .build();
  }

  @GET
  @Operation(summary = "The endpoints, newest first (without their secrets)")
  public WebhookView.EndpointsData list() {
    return new WebhookView.EndpointsData(
        webhooks.all().stream().map(endpoint -> WebhookView.of(endpoint, null)).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One endpoint (without its secret)")
  public WebhookView.EndpointData get(@PathParam("id") String id) {
    return new WebhookView.EndpointData(WebhookView.of(webhooks.find(id), null));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Changes the fields given; the others are kept")
  public WebhookView.EndpointData update(
      @PathParam("id") String id,
      @NotNull(message = JsonRequests.NOT_AN_OBJECT) WebhookRequests.Endpoint fields) {
    WebhookEndpoint current = webhooks.find(id);
    Webhooks.Fields merged =
        new Webhooks.Fields(
            fields.url() != null ? fields.url() : current.url(),
            fields.description() != null ? fields.description() : current.description(),
            fields.events() != null
                ? fields.events()
                : current.types().stream().map(WebhookType::wire).toList(),
            fields.includeCodes() != null ? fields.includeCodes() : current.includeCodes(),
            fields.active() != null ? fields.active() : current.active());
    return new WebhookView.EndpointData(
        WebhookView.of(
            webhooks.update(id, merged, AdminAuthentication.actor(context), clients.ip(request)),
            null));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Removes the endpoint and its deliveries")
  public Response delete(@PathParam("id") String id) {
    webhooks.delete(id, AdminAuthentication.actor(context), clients.ip(request));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/secret")
  @Operation(
      summary = "A new secret, shown only now; the old one keeps signing beside it for 24 hours")
  public WebhookView.EndpointData rotateSecret(@PathParam("id") String id) {
    Webhooks.WithSecret rotated =
        webhooks.rotateSecret(id, AdminAuthentication.actor(context), clients.ip(request));
    return new WebhookView.EndpointData(WebhookView.of(rotated.endpoint(), rotated.secret()));
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(summary = "The endpoint's 50 newest deliveries")
  public WebhookView.DeliveriesData deliveries(@PathParam("id") String id) {
    return new WebhookView.DeliveriesData(
        webhooks.deliveries(id).stream().map(WebhookView.Delivery::of).toList());
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/redeliver")
  @Operation(summary = "Sends a delivery again, with the same message id")
  public WebhookView.DeliveryData redeliver(
      @PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
    return new WebhookView.DeliveryData(
        WebhookView.Delivery.of(
            webhooks.redeliver(
                id, deliveryId, AdminAuthentication.actor(context), clients.ip(request))));
  }
}
