package io.streamgate.platform.web.boundary;

import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.refusal.control.BadRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query parameters read strictly: a malformed one is a 400 with its name, never the 404 that JAX-RS
 * gives a parameter it cannot convert.
 */
public final class QueryParams {

  private QueryParams() {}

  /** A whole number, or null when the parameter is absent or empty. */
  public static Integer integer(String value, String name) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new BadRequestException("Query parameter " + name + " must be a whole number.");
    }
  }

  /** The {@code page} and {@code limit} parameters, with the list's default and maximum limit. */
  public static Paging paging(String page, String limit, int defaultLimit, int maxLimit) {
    return Paging.of(integer(page, "page"), integer(limit, "limit"), defaultLimit, maxLimit);
  }

  /** An ISO 8601 time with an offset, or null when absent or empty. */
  public static Instant instant(String value, String name) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "Query parameter " + name + " must be an ISO 8601 time, such as 2026-12-01T19:00:00Z.");
    }
  }

  /** One of a fixed set of words, or empty when absent or empty. */
  public static <T> Optional<T> choice(
      String value, String name, Function<String, Optional<T>> parse, String allowed) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        parse
            .apply(value)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "Query parameter " + name + " must be one of " + allowed + ".")));
  }
}
