package io.streamgate.platform.codes.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.codes.control.CodeImportSource;
import io.streamgate.platform.codes.control.CodeImports;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.web.boundary.LargeBody;
import io.streamgate.platform.web.boundary.RequestSizeLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Codes a ticket shop already printed, imported for an event: {@code text/csv} (code, optional
 * label; a header line naming the columns is allowed) or {@code application/json} (an array of
 * codes or of {@code {code, label?}}), up to 100,000, all or nothing.
 */
@Path("admin")
@AdminSession
@RolesAllowed(CallerRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: events")
public class CodeImportResource {

  /** What an import answers: how many codes, and the first rows as stored. */
  public record Imported(int imported, List<CodeImports.Code> first) {}

  public record ImportedData(Imported data) {}

  /** What a preview answers: the codes it would import, the first rows, and every problem. */
  public record PreviewData(CodeImports.Outcome data) {}

  @Inject CodeImports imports;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @POST
  @Path("events/{id}/tokens/import")
  @Consumes({"text/csv", MediaType.APPLICATION_JSON})
  @LargeBody(bytes = RequestSizeLimit.FILE_MAX_BYTES)
  @Operation(
      summary =
          "Imports up to 100,000 printed codes (CSV: code,label; JSON: [{code, label?}]) all or"
              + " nothing; ?preview=true checks them and stores nothing")
  public Response importCodes(
      @PathParam("id") String id, @QueryParam("preview") boolean preview, InputStream body) {
    MediaType type = context.getMediaType();
    CodeImportSource.Format format =
        type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            ? CodeImportSource.Format.JSON
            : CodeImportSource.Format.CSV;
    if (body == null) {
      throw new BadRequestException("The body holds no codes.");
    }
    var rows = CodeImportSource.rows(format, body);
    if (preview) {
      return Response.ok(new PreviewData(imports.preview(id, rows))).build();
    }
    CodeImports.Outcome outcome =
        imports.store(id, rows, AdminAuthentication.actor(context), clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(new ImportedData(new Imported(outcome.codes(), outcome.first())))
        .build();
  }
}
