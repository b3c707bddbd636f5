package io.streamgate.platform.web.boundary;

import io.streamgate.common.errors.ErrorCodes;
import io.streamgate.platform.paging.control.Paging;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the admin API's answers share: a page's {@code pagination}, the error answer, how times are
 * written. Each component's view records carry their own {@code {data: ...}} and {@code {data:
 * [...], pagination}} envelopes, so that the OpenAPI document shows what is inside them.
 */
public final class ApiJson {

  private ApiJson() {}

  /** A page's {@code pagination}: an inexact total means "at least". */
  public static Pagination pagination(Paging.Page<?> page) {
    return new Pagination(
        page.paging().page(), page.paging().limit(), page.total(), page.totalPages(), page.exact());
  }

  @JsonbPropertyOrder({"page", "limit", "total", "totalPages", "totalIsExact"})
  public record Pagination(
      int page, int limit, long total, long totalPages, boolean totalIsExact) {}

  /** {@code {error: message, code}}: an error that says no more than its status. */
  @JsonbPropertyOrder({"error", "code"})
  public record Error(String error, String code) {

    public Error(String error, int status) {
      this(error, ErrorCodes.forStatus(status));
    }
  }

  /**
   * ISO 8601 to the millisecond: what was just saved reads back the same, although the databases
   * keep microseconds and the clock has nanoseconds.
   */
  public static String text(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
