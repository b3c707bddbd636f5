package io.streamgate.platform.audit.boundary;

import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.audit.control.AuditLog;
import io.streamgate.platform.audit.control.AuditLog.AuditFilter;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.web.boundary.ApiJson;
import io.streamgate.platform.web.boundary.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, for super admins; read-only by construction. */
@Path("admin/audit-log")
@AdminSession
@RolesAllowed(CallerRoles.SUPER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit log")
public class AdminAuditResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  @Inject AuditLog log;

  @GET
  @Operation(
      summary =
          "Audit entries, newest first: actor, action, from, to (ISO 8601), page, limit (default"
              + " 50, at most 200)")
  public AuditView.AuditPage list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    AuditFilter filter =
        new AuditFilter(
            actor, action, QueryParams.instant(from, "from"), QueryParams.instant(to, "to"));
    Paging paging = QueryParams.paging(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
    var entries = log.list(filter, paging);
    return new AuditView.AuditPage(
        entries.items().stream().map(AuditView::of).toList(), ApiJson.pagination(entries));
  }
}
