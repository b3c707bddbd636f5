package io.streamgate.platform.web.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors JAX-RS raises itself (unknown path 404, wrong method 405, wrong content type 415, ...) as
 * the same JSON shape as every other API error.
 */
@Provider
public class WebErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    String reason = original.getStatusInfo().getReasonPhrase();
    return Response.fromResponse(original)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiJson.Error(reason + ".", original.getStatus()))
        .build();
  }
}
