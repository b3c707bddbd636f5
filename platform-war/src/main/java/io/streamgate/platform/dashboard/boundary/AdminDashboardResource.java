package io.streamgate.platform.dashboard.boundary;

import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.dashboard.control.Dashboard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's dashboard: the specification's summary plus live viewers per event. */
@Path("admin/dashboard")
@AdminSession
@RolesAllowed(CallerRoles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: dashboard")
public class AdminDashboardResource {

  @Inject Dashboard dashboard;

  @GET
  @Operation(
      summary =
          "activeEvents, totalTokens, tokenBreakdown, upcomingEvents, liveViewers (total and per"
              + " event)")
  public DashboardView.DashboardData summary() {
    return new DashboardView.DashboardData(DashboardView.of(dashboard.summary()));
  }
}
