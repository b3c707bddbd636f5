package io.streamgate.platform.paging.control;

import io.streamgate.platform.refusal.control.BadRequestException;
import java.util.List;

/** Which page of a long list a caller wants: 1-based, at most {@code maxLimit} items. */
public record Paging(int page, int limit) {

  public Paging {
    if (page < 1) {
      throw new BadRequestException("Page must be 1 or more.");
    }
    if (limit < 1) {
      throw new BadRequestException("Limit must be 1 or more.");
    }
  }

  /** From query parameters (null when absent), with the caller's default and maximum limit. */
  public static Paging of(Integer page, Integer limit, int defaultLimit, int maxLimit) {
    int size = limit == null ? defaultLimit : limit;
    if (size > maxLimit) {
      throw new BadRequestException("Limit must be at most " + maxLimit + ".");
    }
    return new Paging(page == null ? 1 : page, size);
  }

  public int offset() {
    long offset = (long) (page - 1) * limit;
    if (offset > Integer.MAX_VALUE) {
      throw new BadRequestException("Page is out of range.");
    }
    return (int) offset;
  }

  /**
   * One page of results and how many there are in all; when {@code exact} is false there are more
   * than {@code total}.
   */
  public record Page<T>(List<T> items, long total, Paging paging, boolean exact) {

    public Page(List<T> items, long total, Paging paging) {
      this(items, total, paging, true);
    }

    public long totalPages() {
      return (total + paging.limit() - 1) / paging.limit();
    }
  }
}
