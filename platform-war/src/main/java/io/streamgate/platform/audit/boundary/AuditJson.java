package io.streamgate.platform.audit.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.audit.entity.AuditEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Audit entries as the admin API shows them. */
public final class AuditJson {

  private AuditJson() {}

  public static Map<String, Object> auditEntry(AuditEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", text(entry.at()));
    json.put("actor", entry.actor());
    json.put("action", entry.action());
    json.put("target", entry.target());
    json.put("ip", entry.ip());
    json.put("details", entry.details());
    return json;
  }
}
