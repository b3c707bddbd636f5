package io.streamgate.platform.web.boundary;

import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * A request that breaks a constraint (a request record's component, a {@code @NotNull} body) is
 * refused like any bad request, 400 {@code {"error": message}}, with the message of the constraint:
 * the specification's words. Of several, the first by property path (a list's own constraints
 * before its elements'); {@link JsonRecords} has already refused the first bad field in the order
 * the fields are read.
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    return new RefusalMapper().toResponse(new BadRequestException(message(exception)));
  }

  static String message(ConstraintViolationException exception) {
    return exception.getConstraintViolations().stream()
        .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
        .map(ConstraintViolation::getMessage)
        .orElse(JsonErrors.message(400));
  }
}
