package io.streamgate.platform.audit.control;

import io.streamgate.platform.audit.entity.AuditEntry;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.paging.control.Paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit trail, newest first; there is nothing here that changes it. */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;

  /** Which entries to show; null fields do not restrict. */
  public record AuditFilter(String actor, String action, Instant from, Instant to) {}

  public Page<AuditEntry> list(AuditFilter filter, Paging paging) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (filter.actor() != null && !filter.actor().isBlank()) {
      conditions.add("a.actor = :actor");
      parameters.put("actor", filter.actor().strip());
    }
    if (filter.action() != null && !filter.action().isBlank()) {
      conditions.add("a.action = :action");
      parameters.put("action", filter.action().strip());
    }
    if (filter.from() != null) {
      conditions.add("a.at >= :from");
      parameters.put("from", filter.from());
    }
    if (filter.to() != null) {
      conditions.add("a.at < :to");
      parameters.put("to", filter.to());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
    TypedQuery<AuditEntry> page =
        em.createQuery(
                "SELECT a FROM AuditEntry a" + where + " ORDER BY a.at DESC, a.id DESC",
                AuditEntry.class)
            .setFirstResult(paging.offset())
            .setMaxResults(paging.limit());
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    return new Page<>(page.getResultList(), count.getSingleResult(), paging);
  }
}
