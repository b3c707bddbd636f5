package io.streamgate.platform.codes.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.codes.entity.CodeStatus;
import io.streamgate.platform.runtime.control.BadRequestException;
import io.streamgate.platform.runtime.control.Like;
import io.streamgate.platform.runtime.control.Paging;
import io.streamgate.platform.runtime.control.Paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The console's views of codes: filtered pages, counts by status, and the export. */
@ApplicationScoped
public class CodeQueries {

  static final int MAX_SEARCH = 100;
  static final int EXPORT_BATCH = 2000;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** Which codes a list shows; every field may be null (no restriction). */
  public record CodeFilter(String eventId, CodeStatus status, String search) {}

  /** How many codes have each status. */
  public record StatusCounts(long unused, long redeemed, long expired, long revoked) {
    public long total() {
      return unused + redeemed + expired + revoked;
    }
  }

  /** One row of an export, in the order of the CSV columns (the title is the event's). */
  public record ExportRow(String code, Instant expiresAt, String label, String status) {}

  /** Newest first; a search matches part of a code (dashes and case ignored) or of a label. */
  public Page<AccessCode> list(CodeFilter filter, Paging paging) {
    return new Page<>(find(filter, paging), count(filter), paging);
  }

  /** How many codes the filter lets through. */
  public long count(CodeFilter filter) {
    return count(filter, clock.instant());
  }

  /** One page of {@link #list}, without counting. */
  public List<AccessCode> find(CodeFilter filter, Paging paging) {
    Instant now = clock.instant();
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, now, parameters);
    TypedQuery<AccessCode> page =
        em.createQuery(
                "SELECT c FROM AccessCode c JOIN FETCH c.event"
                    + where
                    + " ORDER BY c.createdAt DESC, c.id DESC",
                AccessCode.class)
            .setFirstResult(paging.offset())
            .setMaxResults(paging.limit());
    parameters.forEach(page::setParameter);
    return page.getResultList();
  }

  /**
   * Counts by status of one event's codes, or of all codes when {@code eventId} is null: one COUNT
   * per status. (A single query with SUM(CASE ...) would be shorter, but EclipseLink then stops
   * binding parameters and writes the boolean flag as 0 or 1, which H2 refuses.)
   */
  public StatusCounts counts(String eventId) {
    Instant now = clock.instant();
    return new StatusCounts(
        count(new CodeFilter(eventId, CodeStatus.UNUSED, null), now),
        count(new CodeFilter(eventId, CodeStatus.REDEEMED, null), now),
        count(new CodeFilter(eventId, CodeStatus.EXPIRED, null), now),
        count(new CodeFilter(eventId, CodeStatus.REVOKED, null), now));
  }

  private long count(CodeFilter filter, Instant now) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    TypedQuery<Long> count =
        em.createQuery(
            "SELECT COUNT(c) FROM AccessCode c" + where(filter, now, parameters), Long.class);
    parameters.forEach(count::setParameter);
    return count.getSingleResult();
  }

  /** Code counts of the given events, by event id; events without codes are absent. */
  public Map<String, Long> countsOf(List<String> eventIds) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (eventIds.isEmpty()) {
      return counts;
    }
    em.createQuery(
            "SELECT c.event.id, COUNT(c) FROM AccessCode c WHERE c.event.id IN :ids"
                + " GROUP BY c.event.id",
            Object[].class)
        .setParameter("ids", eventIds)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], number(row[1])));
    return counts;
  }

  /**
   * Hands every code of the event to {@code sink} in code order, a batch at a time: memory stays
   * flat however many codes there are, and no persistence context fills up.
   */
  public void export(String eventId, Consumer<ExportRow> sink) {
    Instant now = clock.instant();
    String after = "";
    while (true) {
      List<Object[]> batch =
          em.createQuery(
                  "SELECT c.code, c.expiresAt, c.label, c.revoked, c.redeemedAt FROM AccessCode c"
                      + " WHERE c.event.id = :eventId AND c.code > :after ORDER BY c.code",
                  Object[].class)
              .setParameter("eventId", eventId)
              .setParameter("after", after)
              .setMaxResults(EXPORT_BATCH)
              .getResultList();
      for (Object[] row : batch) {
        Instant expiresAt = (Instant) row[1];
        String status =
            CodeStatus.of(Boolean.TRUE.equals(row[3]), expiresAt, (Instant) row[4], now).label();
        sink.accept(new ExportRow((String) row[0], expiresAt, (String) row[2], status));
      }
      if (batch.size() < EXPORT_BATCH) {
        return;
      }
      after = (String) batch.get(batch.size() - 1)[0];
    }
  }

  private static String where(CodeFilter filter, Instant now, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    if (filter.eventId() != null) {
      conditions.add("c.event.id = :eventId");
      parameters.put("eventId", filter.eventId());
    }
    if (filter.status() != null) {
      conditions.add(filter.status().condition());
      if (filter.status().needsNow()) {
        parameters.put("now", now);
      }
    }
    String search = filter.search() == null ? "" : filter.search().strip();
    if (search.length() > MAX_SEARCH) {
      throw new BadRequestException("Search must have at most " + MAX_SEARCH + " characters.");
    }
    if (!search.isEmpty()) {
      String label = "LOWER(c.label) LIKE :label";
      parameters.put("label", Like.containing(search));
      String codePart = search.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
      if (!codePart.isEmpty()
          && codePart.chars().allMatch(ch -> AccessCodeCodec.ALPHABET.indexOf(ch) >= 0)) {
        conditions.add("(c.code LIKE :code OR " + label + ")");
        parameters.put("code", "%" + codePart + "%");
      } else {
        conditions.add(label);
      }
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
