package io.streamgate.platform.codes.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.codes.entity.CodeStatus;
import io.streamgate.platform.events.control.EventCodes.StatusCounts;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.paging.control.Paging.Page;
import io.streamgate.platform.persistence.control.Like;
import io.streamgate.platform.refusal.control.BadRequestException;
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
import java.util.Optional;
import java.util.function.Consumer;

/** The console's views of codes: filtered pages, counts by status, and the export. */
@ApplicationScoped
public class CodeQueries {

  static final int MAX_SEARCH = 100;
  static final int EXPORT_BATCH = 10_000;
  public static final int COUNT_LIMIT = 10_000;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** Which codes a list shows; every field may be null (no restriction). */
  public record CodeFilter(String eventId, CodeStatus status, String search) {}

  /** One row of an export, in the order of the CSV columns (the title is the event's). */
  public record ExportRow(String code, Instant expiresAt, String label, String status) {}

  /**
   * Newest first; a search matches the start of a code or of a label (see {@link #where}). The
   * total is exact up to {@value #COUNT_LIMIT}; beyond that it is that number, marked inexact.
   */
  public Page<AccessCode> list(CodeFilter filter, Paging paging) {
    long counted = count(filter);
    return new Page<>(
        find(filter, paging), Math.min(counted, COUNT_LIMIT), paging, counted <= COUNT_LIMIT);
  }

  /**
   * How many codes the filter lets through, counted to {@value #COUNT_LIMIT} + 1 at most: an exact
   * count of a million codes costs a scan of them all, and no one pages that far.
   */
  public long count(CodeFilter filter) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    TypedQuery<String> ids =
        em.createQuery(
                "SELECT c.id FROM AccessCode c" + where(filter, clock.instant(), parameters),
                String.class)
            .setMaxResults(COUNT_LIMIT + 1);
    parameters.forEach(ids::setParameter);
    return ids.getResultList().size();
  }

  /** One page of {@link #list}, without counting. */
  public List<AccessCode> find(CodeFilter filter, Paging paging) {
    Instant now = clock.instant();
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(filter, now, parameters);
    // Found by label or code: in label or code order, so that the index that finds the codes also
    // gives the order (the newest first among equal labels); else newest first.
    String order =
        parameters.containsKey("label")
            ? " ORDER BY c.labelKey, c.createdAt DESC, c.id DESC"
            : parameters.containsKey("codeFrom")
                ? " ORDER BY c.code"
                : " ORDER BY c.createdAt DESC, c.id DESC";
    // Not JOIN FETCH: with the join, H2 may plan the event table first and then filter every code
    // of every event; the page's events come in one more query (batch fetch by id).
    TypedQuery<AccessCode> page =
        em.createQuery("SELECT c FROM AccessCode c" + where + order, AccessCode.class)
            .setHint("eclipselink.batch", "c.event")
            .setHint("eclipselink.batch.type", "IN")
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
        exactCount(new CodeFilter(eventId, CodeStatus.UNUSED, null), now),
        exactCount(new CodeFilter(eventId, CodeStatus.REDEEMED, null), now),
        exactCount(new CodeFilter(eventId, CodeStatus.EXPIRED, null), now),
        exactCount(new CodeFilter(eventId, CodeStatus.REVOKED, null), now));
  }

  private long exactCount(CodeFilter filter, Instant now) {
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
   * Hands every code of the event to {@code sink} in the order they were created, a batch at a
   * time: memory stays flat however many codes there are, and no persistence context fills up.
   */
  public void export(String eventId, Consumer<ExportRow> sink) {
    Instant now = clock.instant();
    Instant afterTime = Instant.EPOCH;
    String afterId = "";
    while (true) {
      // Keyset paging in creation order along the (event, created, id) index: the rows are read
      // in about the order they were written, so each batch touches few table pages. A batch of
      // generated codes shares one creation time, hence the id as tie-breaker.
      List<Object[]> batch =
          em.createQuery(
                  "SELECT c.code, c.expiresAt, c.label, c.revoked, c.redeemedAt, c.createdAt, c.id"
                      + " FROM AccessCode c WHERE c.event.id = :eventId"
                      + " AND c.createdAt >= :afterTime"
                      + " AND (c.createdAt > :afterTime OR c.id > :afterId)"
                      + " ORDER BY c.event.id, c.createdAt, c.id",
                  Object[].class)
              .setParameter("eventId", eventId)
              .setParameter("afterTime", afterTime)
              .setParameter("afterId", afterId)
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
      Object[] last = batch.get(batch.size() - 1);
      afterTime = (Instant) last[5];
      afterId = (String) last[6];
    }
  }

  /**
   * The conditions of a filter. A search is a prefix, so that an index answers it: of a code when
   * the text could start one (dashes, spaces and case ignored) and some code does start with it,
   * else of a label (case ignored). Contains-searches would scan every code of a large table.
   */
  private String where(CodeFilter filter, Instant now, Map<String, Object> parameters) {
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
      Optional<CodePrefix> code = CodePrefix.of(search).filter(this::anyCodeStartsWith);
      if (code.isPresent()) {
        conditions.add(code.get().condition(parameters));
      } else {
        conditions.add("c.labelKey LIKE :label");
        parameters.put("label", Like.startingWith(search));
      }
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private boolean anyCodeStartsWith(CodePrefix prefix) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    TypedQuery<String> query =
        em.createQuery(
                "SELECT c.id FROM AccessCode c WHERE " + prefix.condition(parameters), String.class)
            .setMaxResults(1);
    parameters.forEach(query::setParameter);
    return !query.getResultList().isEmpty();
  }

  /**
   * The start of a code as a range of the code index: [{@code from}, {@code to}), with {@code to}
   * the prefix's successor in the code alphabet (none when the prefix is all Z). Codes hold only
   * digits and capitals, so the range means the same under any database collation.
   */
  record CodePrefix(String from, String to) {

    static Optional<CodePrefix> of(String typed) {
      String prefix = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
      if (prefix.isEmpty()
          || prefix.length() > AccessCodeCodec.LENGTH
          || !prefix.chars().allMatch(ch -> AccessCodeCodec.ALPHABET.indexOf(ch) >= 0)) {
        return Optional.empty();
      }
      String alphabet = AccessCodeCodec.ALPHABET;
      StringBuilder next = new StringBuilder(prefix);
      while (next.length() > 0) {
        int last = alphabet.indexOf(next.charAt(next.length() - 1));
        if (last + 1 < alphabet.length()) {
          next.setCharAt(next.length() - 1, alphabet.charAt(last + 1));
          return Optional.of(new CodePrefix(prefix, next.toString()));
        }
        next.setLength(next.length() - 1);
      }
      return Optional.of(new CodePrefix(prefix, null));
    }

    String condition(Map<String, Object> parameters) {
      parameters.put("codeFrom", from);
      if (to == null) {
        return "c.code >= :codeFrom";
      }
      parameters.put("codeTo", to);
      return "c.code >= :codeFrom AND c.code < :codeTo";
    }
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
