package io.streamgate.platform.audit.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.audit.entity.AuditEntry;
import io.streamgate.platform.web.boundary.ApiJson.Pagination;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** An audit entry as the admin API shows it; a missing value is written as null. */
@JsonbNillable
@JsonbPropertyOrder({"at", "actor", "action", "target", "ip", "details"})
public record AuditView(
    String at, String actor, String action, String target, String ip, String details) {

  public static AuditView of(AuditEntry entry) {
    return new AuditView(
        text(entry.at()),
        entry.actor(),
        entry.action(),
        entry.target(),
        entry.ip(),
        entry.details());
  }

  /** {@code {data: [entries], pagination}}. */
  @JsonbPropertyOrder({"data", "pagination"})
  public record AuditPage(List<AuditView> data, Pagination pagination) {}
}
