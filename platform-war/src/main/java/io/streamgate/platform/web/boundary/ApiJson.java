package io.streamgate.platform.web.boundary;

import io.streamgate.platform.paging.control.Paging;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  public static Map<String, Object> data(Object data) {
    return Map.of("data", data);
  }

  /**
   * {@code {data: [...], pagination: {page, limit, total, totalPages, totalIsExact}}}; an inexact
   * total means "at least".
   */
  public static <T> Map<String, Object> page(Paging.Page<T> page, Function<T, Object> item) {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page.paging().page());
    pagination.put("limit", page.paging().limit());
    pagination.put("total", page.total());
    pagination.put("totalPages", page.totalPages());
    pagination.put("totalIsExact", page.exact());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data", page.items().stream().map(item).toList());
    json.put("pagination", pagination);
    return json;
  }

  /**
   * ISO 8601 to the millisecond: what was just saved reads back the same, although the databases
   * keep microseconds and the clock has nanoseconds.
   */
  public static String text(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
