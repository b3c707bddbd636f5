package io.streamgate.platform.web.boundary;

import io.streamgate.platform.paging.control.Paging;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * The admin API's envelopes, {@code {data: ...}} and a page of items, and how it writes times. Each
 * component renders its own entities inside them.
 */
public final class ApiJson {

  private ApiJson() {}

  /** {@code {data: ...}}. */
  public record Data<T>(T data) {

    public static <T> Data<T> of(T data) {
      return new Data<>(data);
    }
  }

  /**
   * {@code {data: [...], pagination: {page, limit, total, totalPages, totalIsExact}}}; an inexact
   * total means "at least".
   */
  @JsonbPropertyOrder({"data", "pagination"})
  public record Page<T>(List<T> data, Pagination pagination) {

    public static <E, T> Page<T> of(Paging.Page<E> page, Function<E, T> item) {
      return new Page<>(
          page.items().stream().map(item).toList(),
          new Pagination(
              page.paging().page(),
              page.paging().limit(),
              page.total(),
              page.totalPages(),
              page.exact()));
    }
  }

  @JsonbPropertyOrder({"page", "limit", "total", "totalPages", "totalIsExact"})
  public record Pagination(
      int page, int limit, long total, long totalPages, boolean totalIsExact) {}

  /** {@code {error: message}}: a refusal without further fields. */
  public record Error(String error) {}

  /**
   * ISO 8601 to the millisecond: what was just saved reads back the same, although the databases
   * keep microseconds and the clock has nanoseconds.
   */
  public static String text(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
