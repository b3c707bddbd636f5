package io.streamgate.platform.web.boundary;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every refusal becomes {@code {"error": message, "code": code, ...}} with its status (and
 * Retry-After).
 */
@Provider
public class RefusalMapper implements ExceptionMapper<RequestRefusedException> {

  @Override
  public Response toResponse(RequestRefusedException refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", refusal.getMessage());
    body.put("code", refusal.errorCode());
    body.putAll(refusal.extras());
    Response.ResponseBuilder response =
        Response.status(status(refusal.status())).type(MediaType.APPLICATION_JSON).entity(body);
    refusal
        .retryAfter()
        .ifPresent(
            wait -> response.header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000)));
    return response.build();
  }

  /** The standard status, so that the reason phrase is the standard one too. */
  private static Response.StatusType status(int code) {
    Response.Status known = Response.Status.fromStatusCode(code);
    return known != null ? known : Response.Status.BAD_REQUEST;
  }
}
