package io.streamgate.platform.events.control;

import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.paging.control.Paging.Page;
import io.streamgate.platform.persistence.control.Like;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's lists of events, with their code counts. */
@ApplicationScoped
public class EventQueries {

  @PersistenceContext EntityManager em;

  @Inject EventCodes codes;

  @Inject Clock clock;

  /** Which events a list shows. */
  public enum Shown {
    /** Active and not archived (the specification's default). */
    ACTIVE(true, false),
    /** Deactivated and not archived. */
    INACTIVE(false, false),
    ARCHIVED(null, true),
    /** Everything not archived. */
    CURRENT(null, false),
    ALL(null, null);

    /** The required flags, null for either. */
    final Boolean active;

    final Boolean archived;

    Shown(Boolean active, Boolean archived) {
      this.active = active;
      this.archived = archived;
    }

    public static Optional<Shown> ofLabel(String label) {
      return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(label)).findFirst();
    }
  }

  /** Upcoming: not yet over (live ones included); past: over. */
  public enum Timeframe {
    UPCOMING("e.endsAt > :now"),
    PAST("e.endsAt <= :now");

    final String condition;

    Timeframe(String condition) {
      this.condition = condition;
    }

    public static Optional<Timeframe> ofLabel(String label) {
      return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(label)).findFirst();
    }
  }

  public enum Sort {
    STARTDATE("e.startsAt"),
    TITLE("e.title"),
    TOKENCOUNT("COUNT(c)");

    final String expression;

    Sort(String expression) {
      this.expression = expression;
    }

    public static Optional<Sort> ofLabel(String label) {
      return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(label)).findFirst();
    }
  }

  /** {@code search}, when not null, is part of the title, in any case. */
  public record EventFilter(
      Shown shown, Timeframe timeframe, String search, Sort sort, boolean descending) {}

  /** An event in a list, with how many codes it has. */
  public record Listed(Event event, long codeCount) {}

  public Page<Listed> list(EventFilter filter, Paging paging) {
    String where = where(filter);
    String direction = filter.descending() ? " DESC" : " ASC";
    String jpql =
        filter.sort() == Sort.TOKENCOUNT
            ? "SELECT e FROM Event e LEFT JOIN AccessCode c ON c.event = e"
                + where
                + " GROUP BY e ORDER BY COUNT(c)"
                + direction
                + ", e.id"
            : "SELECT e FROM Event e"
                + where
                + " ORDER BY "
                + filter.sort().expression
                + direction
                + ", e.id";
    TypedQuery<Event> query = em.createQuery(jpql, Event.class);
    bind(query, filter, clock.instant());
    List<Event> events =
        query.setFirstResult(paging.offset()).setMaxResults(paging.limit()).getResultList();
    Map<String, Long> counts = codes.totals(events.stream().map(Event::id).toList());
    List<Listed> listed =
        events.stream().map(e -> new Listed(e, counts.getOrDefault(e.id(), 0L))).toList();
    return new Page<>(listed, count(filter), paging);
  }

  /** How many events the filter lets through. */
  public long count(EventFilter filter) {
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM Event e" + where(filter), Long.class);
    bind(count, filter, clock.instant());
    return count.getSingleResult();
  }

  /** An event to choose in a list: its id and title. */
  public record Choice(String id, String title) {}

  /** Every event not archived, by title, for choosing one (no counts). */
  public List<Choice> choices() {
    return em
        .createQuery(
            "SELECT e.id, e.title FROM Event e WHERE e.archived = :archived ORDER BY e.title",
            Object[].class)
        .setParameter("archived", false)
        .getResultList()
        .stream()
        .map(row -> new Choice((String) row[0], (String) row[1]))
        .toList();
  }

  private static String where(EventFilter filter) {
    List<String> conditions = new ArrayList<>();
    if (filter.shown().active != null) {
      conditions.add("e.active = :active");
    }
    if (filter.shown().archived != null) {
      conditions.add("e.archived = :archived");
    }
    if (filter.timeframe() != null) {
      conditions.add(filter.timeframe().condition);
    }
    if (filter.search() != null && !filter.search().isBlank()) {
      conditions.add("LOWER(e.title) LIKE :title");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The next events to start, soonest first, active ones only. */
  public List<Event> upcoming(int max) {
    return em.createQuery(
            "SELECT e FROM Event e WHERE e.active = :yes AND e.archived = :no"
                + " AND e.startsAt > :now ORDER BY e.startsAt",
            Event.class)
        .setParameter("now", clock.instant())
        .setParameter("yes", true)
        .setParameter("no", false)
        .setMaxResults(max)
        .getResultList();
  }

  public long activeCount() {
    return em.createQuery(
            "SELECT COUNT(e) FROM Event e WHERE e.active = :yes AND e.archived = :no", Long.class)
        .setParameter("yes", true)
        .setParameter("no", false)
        .getSingleResult();
  }

  private static void bind(TypedQuery<?> query, EventFilter filter, Instant now) {
    if (filter.shown().active != null) {
      query.setParameter("active", filter.shown().active);
    }
    if (filter.shown().archived != null) {
      query.setParameter("archived", filter.shown().archived);
    }
    if (filter.timeframe() != null) {
      query.setParameter("now", now);
    }
    if (filter.search() != null && !filter.search().isBlank()) {
      query.setParameter("title", Like.containing(filter.search().strip()));
    }
  }
}
