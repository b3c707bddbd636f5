package io.streamgate.platform.codes.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the admin API takes to generate codes. */
public final class CodeRequests {

  private CodeRequests() {}

  /** {@code {count: 1-500, label?}}; the count's range is the issuance's rule. */
  public record Generate(
      @Schema(required = true, minimum = "1", maximum = "500") Integer count, String label) {

    /** The count, 0 when absent (and refused as such). */
    int countOrZero() {
      return count == null ? 0 : count;
    }
  }
}
