package io.streamgate.platform.codes.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.web.boundary.ApiJson.Pagination;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A code as the admin API shows it: the specification's token; in a list, with the title of its
 * event. A missing value is written as null; the title is left out where it does not belong.
 */
@JsonbPropertyOrder({
  "id",
  "code",
  "eventId",
  "label",
  "status",
  "isRevoked",
  "revokedAt",
  "redeemedAt",
  "expiresAt",
  "eventTitle"
})
public record CodeView(
    @JsonbNillable String id,
    @JsonbNillable String code,
    @JsonbNillable String eventId,
    @JsonbNillable String label,
    @JsonbNillable String status,
    boolean isRevoked,
    @JsonbNillable String revokedAt,
    @JsonbNillable String redeemedAt,
    @JsonbNillable String expiresAt,
    String eventTitle) {

  public static CodeView of(AccessCode code, Instant now) {
    return of(code, now, null);
  }

  /** A code in a list, with the title of its event. */
  public static CodeView listed(AccessCode code, Instant now) {
    return of(code, now, code.event().title());
  }

  private static CodeView of(AccessCode code, Instant now, String eventTitle) {
    return new CodeView(
        code.id(),
        code.code(),
        code.event().id(),
        code.label(),
        code.status(now),
        code.revoked(),
        text(code.revokedAt()),
        text(code.redeemedAt()),
        text(code.expiresAt()),
        eventTitle);
  }

  /** {@code ••••-••••-WXYZ}: enough for a viewer to recognise their code, not to use it. */
  public static String maskedCode(String code) {
    return "••••-••••-" + code.substring(code.length() - 4);
  }

  /** {@code {data: code}}. */
  public record CodeData(CodeView data) {}

  /** {@code {data: [codes]}}. */
  public record CodesData(List<CodeView> data) {}

  /** {@code {data: [codes], pagination}}. */
  @JsonbPropertyOrder({"data", "pagination"})
  public record CodesPage(List<CodeView> data, Pagination pagination) {}
}
