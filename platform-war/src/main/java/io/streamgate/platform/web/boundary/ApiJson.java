package io.streamgate.platform.web.boundary;

import io.streamgate.platform.paging.control.Paging.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The admin API's envelopes, {@code {data: ...}} and a page of items, and how it writes times. Each
 * component renders its own entities inside them.
 */
public final class ApiJson {

  private ApiJson() {}

  public static Map<String, Object> data(Object data) {
    return Map.of("data", data);
  }

  /**
   * {@code {data: [...], pagination: {page, limit, total, totalPages, totalIsExact}}}; an inexact
   * total means "at least".
   */
  public static <T> Map<String, Object> page(Page<T> page, Function<T, Object> item) {
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
