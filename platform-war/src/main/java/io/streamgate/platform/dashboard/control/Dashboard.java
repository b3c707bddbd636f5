package io.streamgate.platform.dashboard.control;

import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.events.control.EventCodes.StatusCounts;
import io.streamgate.platform.events.control.EventQueries;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.sessions.control.ViewerSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the console's first page shows: events, codes by status, who is watching what. */
@ApplicationScoped
public class Dashboard {

  static final int UPCOMING = 5;

  @PersistenceContext EntityManager em;

  @Inject EventQueries events;

  @Inject CodeQueries codes;

  @Inject ViewerSessions sessions;

  /** An upcoming event with its code count. */
  public record Upcoming(Event event, long codeCount) {}

  /** How many devices watch one event now. */
  public record Watched(String eventId, String title, long viewers) {}

  public record Summary(
      long activeEvents, StatusCounts codes, List<Upcoming> upcoming, List<Watched> watched) {

    public long viewers() {
      return watched.stream().mapToLong(Watched::viewers).sum();
    }
  }

  public Summary summary() {
    List<Event> next = events.upcoming(UPCOMING);
    Map<String, Long> counts = codes.countsOf(next.stream().map(Event::id).toList());
    return new Summary(
        events.activeCount(),
        codes.counts(null),
        next.stream().map(e -> new Upcoming(e, counts.getOrDefault(e.id(), 0L))).toList(),
        watched());
  }

  /** Live viewers per event, most watched first. */
  public List<Watched> watched() {
    Map<String, Long> live = sessions.liveCounts();
    List<Watched> watched = new ArrayList<>();
    if (!live.isEmpty()) {
      em.createQuery("SELECT e.id, e.title FROM Event e WHERE e.id IN :ids", Object[].class)
          .setParameter("ids", live.keySet())
          .getResultList()
          .forEach(
              row -> watched.add(new Watched((String) row[0], (String) row[1], live.get(row[0]))));
    }
    watched.sort((a, b) -> Long.compare(b.viewers(), a.viewers()));
    return watched;
  }
}
