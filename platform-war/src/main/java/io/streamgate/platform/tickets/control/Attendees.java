package io.streamgate.platform.tickets.control;

import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.control.CodeIssuance;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.csv.control.CsvRows;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.persistence.control.Database;
import io.streamgate.platform.settings.entity.MailAddresses;
import io.streamgate.platform.settings.entity.PlatformSettings;
import io.streamgate.platform.tickets.entity.Attendee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An event's attendees: added from a list or one by one, each with a new code of their own and a
 * message queued for {@link MailSender}; listed with where each message stands; sent again.
 *
 * <p>A list is taken row by row. What makes the file unsafe or unreadable (a formula-like cell, not
 * UTF-8, a line far too long) refuses all of it; a row that is only wrong itself (not an address,
 * an unknown time zone, an address listed already) is reported with its line and the others are
 * queued.
 */
@ApplicationScoped
public class Attendees {

  /** The most attendees one list adds. */
  public static final int MAX_ROWS = 10_000;

  /** How many problems an answer lists (all are counted). */
  public static final int PROBLEMS_SHOWN = 100;

  static final int MAX_TEXT = 200;

  /** The longest portal address kept with an attendee (the column's size). */
  static final int PORTAL_KEPT = 500;

  /** How soon after a message went out it may be sent again. */
  static final Duration RESEND_AFTER = Duration.ofMinutes(1);

  /** One attendee as given. */
  public record Entry(String email, String name, String label, String timeZone) {}

  /** What a list did: the attendees queued, and every problem with its line. */
  public record Outcome(List<Attendee> queued, List<String> problems, int problemCount) {}

  @PersistenceContext EntityManager em;

  @Inject EventAdministration events;

  @Inject CodeIssuance codes;

  @Inject AuditTrail audit;

  @Inject PlatformSettings settings;

  @Inject Clock clock;

  /**
   * Adds the list's attendees to the event and queues their messages; throws {@link
   * TicketRefusedException} (nothing queued) when the file is unsafe or no row can be queued.
   */
  @Transactional
  public Outcome add(
      String eventId, Iterator<CsvRows.Row> rows, String portalUrl, String actor, String ip) {
    mailSetUp();
    events.find(eventId);
    List<String> problems = new ArrayList<>();
    int problemCount = 0;
    Map<String, String> seen = new HashMap<>();
    List<Entry> entries = new ArrayList<>();
    List<String> places = new ArrayList<>();
    List<String> unsafe = new ArrayList<>();
    while (rows.hasNext()) {
      CsvRows.Row row = rows.next();
      String problem = row.problem();
      if (problem == null && entries.size() == MAX_ROWS) {
        unsafe.add(row.place() + ": more than " + MAX_ROWS + " attendees; split the list.");
        break;
      }
      if (problem != null) {
        // A cell a spreadsheet would run, or a file that cannot be read on: nothing is queued.
        unsafe.add(problem);
        if (row.last()) {
          break;
        }
        continue;
      }
      Entry entry =
          new Entry(
              row.cell(AttendeeSource.EMAIL),
              row.cell(AttendeeSource.NAME),
              row.cell(AttendeeSource.LABEL),
              row.cell(AttendeeSource.TIME_ZONE));
      problem = problem(entry);
      if (problem == null) {
        String earlier = seen.putIfAbsent(Attendee.key(address(entry)), row.place());
        if (earlier != null) {
          problem = "repeats the address of " + earlier.toLowerCase(Locale.ROOT) + ".";
        }
      }
      if (problem != null) {
        problemCount++;
        if (problems.size() < PROBLEMS_SHOWN) {
          problems.add(row.place() + ": " + problem);
        }
        continue;
      }
      entries.add(entry);
      places.add(row.place());
    }
    if (!unsafe.isEmpty()) {
      throw new TicketRefusedException(
          "The list cannot be used as it is; nothing was queued.",
          unsafe.subList(0, Math.min(unsafe.size(), PROBLEMS_SHOWN)),
          unsafe.size());
    }
    // Addresses that are attendees already: reported, never sent a second code.
    Set<String> known = known(eventId, entries);
    List<Entry> fresh = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (known.contains(Attendee.key(address(entry)))) {
        problemCount++;
        if (problems.size() < PROBLEMS_SHOWN) {
          problems.add(
              places.get(i) + ": is an attendee already (send their ticket again from the list).");
        }
      } else {
        fresh.add(entry);
      }
    }
    if (fresh.isEmpty()) {
      throw new TicketRefusedException(
          entries.isEmpty() && problemCount == 0
              ? "The list holds no attendees."
              : "No attendee in the list can be added; nothing was queued.",
          problems,
          problemCount);
    }
    List<Attendee> queued = store(eventId, fresh, portalUrl, actor);
    audit.record(
        actor,
        "attendees-add",
        "event:" + eventId,
        ip,
        "count=" + queued.size() + ", problems=" + problemCount);
    return new Outcome(queued, problems, problemCount);
  }

  /** Adds one attendee ("send to one more attendee"). */
  @Transactional
  public Attendee addOne(String eventId, Entry entry, String portalUrl, String actor, String ip) {
    mailSetUp();
    events.find(eventId);
    String problem = problem(entry);
    if (problem != null) {
      throw new TicketRefusedException(
          400, Character.toUpperCase(problem.charAt(0)) + problem.substring(1));
    }
    if (!known(eventId, List.of(entry)).isEmpty()) {
      throw new TicketRefusedException(
          409,
          "This address is an attendee of the event already; send their ticket again instead.");
    }
    Attendee attendee = store(eventId, List.of(entry), portalUrl, actor).get(0);
    audit.record(actor, "attendees-add", "event:" + eventId, ip, "count=1");
    return attendee;
  }

  /** Queues the attendee's message again, with the same code, for a full retry window. */
  @Transactional
  public Attendee resend(String eventId, String attendeeId, String actor, String ip) {
    mailSetUp();
    Attendee attendee = em.find(Attendee.class, attendeeId);
    if (attendee == null || !attendee.eventId().equals(eventId)) {
      throw new TicketRefusedException(404, "Attendee not found");
    }
    AccessCode code = em.find(AccessCode.class, attendee.codeId());
    if (code.revoked()) {
      throw new TicketRefusedException(
          409, "This attendee's code is revoked; restore it before sending it again.");
    }
    Instant now = clock.instant();
    if (attendee.status() == Attendee.Status.QUEUED) {
      throw new TicketRefusedException(409, "This attendee's ticket is queued to be sent already.");
    }
    if (attendee.sentAt() != null && attendee.sentAt().isAfter(now.minus(RESEND_AFTER))) {
      throw new TicketRefusedException(
          409, "This attendee's ticket was sent less than a minute ago; try again later.");
    }
    attendee.queue(now);
    audit.record(actor, "attendee-resend", "event:" + eventId, ip, "attendee=" + attendeeId);
    return attendee;
  }

  /** One page of the event's attendees, oldest first, of the given statuses. */
  @Transactional
  public Paging.Page<Attendee> list(String eventId, Set<Attendee.Status> statuses, Paging paging) {
    events.find(eventId);
    List<Attendee> items =
        em.createNamedQuery(Attendee.OF_EVENT, Attendee.class)
            .setParameter("event", eventId)
            .setParameter("statuses", statuses)
            .setFirstResult(paging.offset())
            .setMaxResults(paging.limit())
            .getResultList();
    long total =
        em.createNamedQuery(Attendee.COUNT_OF_EVENT, Long.class)
            .setParameter("event", eventId)
            .setParameter("statuses", statuses)
            .getSingleResult();
    return new Paging.Page<>(items, total, paging);
  }

  /** How many of the event's attendees are queued, sent and failed. */
  @Transactional
  public Map<Attendee.Status, Long> counts(String eventId) {
    Map<Attendee.Status, Long> counts = new EnumMap<>(Attendee.Status.class);
    for (Attendee.Status status : Attendee.Status.values()) {
      counts.put(status, 0L);
    }
    em.createNamedQuery(Attendee.STATUS_COUNTS, Object[].class)
        .setParameter("event", eventId)
        .getResultList()
        .forEach(row -> counts.put((Attendee.Status) row[0], (Long) row[1]));
    return counts;
  }

  /** The codes of these attendees, by code id, for the people who manage them. */
  @Transactional
  public Map<String, String> codesOf(List<Attendee> attendees) {
    Map<String, String> codes = new HashMap<>();
    if (!attendees.isEmpty()) {
      em.createNamedQuery(AccessCode.WITH_IDS, AccessCode.class)
          .setParameter("ids", attendees.stream().map(Attendee::codeId).toList())
          .getResultList()
          .forEach(code -> codes.put(code.id(), code.code()));
    }
    return codes;
  }

  /** Whether this server can send e-mail at all (SMTP_HOST and MAIL_FROM are set). */
  public boolean canSend() {
    return settings.mail().configured();
  }

  private void mailSetUp() {
    if (!canSend()) {
      throw TicketRefusedException.mailNotSetUp();
    }
  }

  /** Where the links in the e-mails lead: {@code PORTAL_URL}, else the admin's address. */
  public String portalFor(String requestBase) {
    return settings.portalUrl().orElse(requestBase);
  }

  private List<Attendee> store(
      String eventId, List<Entry> entries, String requestBase, String actor) {
    String portalUrl = portalFor(requestBase);
    if (portalUrl.length() > PORTAL_KEPT) {
      throw new TicketRefusedException(
          400,
          "The address this server was reached at is too long for the links in the e-mails; set"
              + " PORTAL_URL to the viewer portal's public address.");
    }
    Instant now = clock.instant();
    List<AccessCode> made =
        codes.generateEach(
            eventId,
            entries.stream().map(entry -> blankToNull(entry.label())).toList(),
            "attendees",
            actor,
            null);
    List<Attendee> stored = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      Attendee attendee =
          new Attendee(
              eventId,
              made.get(i).id(),
              address(entry),
              blankToNull(entry.name()),
              blankToNull(entry.label()),
              blankToNull(entry.timeZone()) == null
                  ? null
                  : ZoneId.of(entry.timeZone().strip()).getId(),
              portalUrl,
              actor,
              now);
      em.persist(attendee);
      stored.add(attendee);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (Database.uniqueViolation(e)) {
        // Another upload added some of these addresses since they were checked.
        throw new TicketRefusedException(
            409,
            "Someone else added some of these attendees at the same moment; nothing was queued."
                + " Try again: those added already will be reported.");
      }
      throw e;
    }
    return stored;
  }

  private Set<String> known(String eventId, List<Entry> entries) {
    Set<String> known = new HashSet<>();
    List<String> keys = entries.stream().map(entry -> Attendee.key(address(entry))).toList();
    for (int from = 0; from < keys.size(); from += 1000) {
      known.addAll(
          em.createNamedQuery(Attendee.KNOWN_ADDRESSES, String.class)
              .setParameter("event", eventId)
              .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
              .getResultList());
    }
    return known;
  }

  /** The plain address of a checked entry. */
  private static String address(Entry entry) {
    return MailAddresses.parse(entry.email()).orElseThrow().getAddress();
  }

  /** What is wrong with an entry, as a sentence without its subject's place, or null. */
  static String problem(Entry entry) {
    if (entry.email() == null || entry.email().isBlank()) {
      return "no e-mail address.";
    }
    for (String text :
        new String[] {entry.email(), entry.name(), entry.label(), entry.timeZone()}) {
      String unsafe = text == null ? null : CsvRows.cellProblem(text);
      if (unsafe != null) {
        return unsafe;
      }
    }
    if (MailAddresses.parse(entry.email()).isEmpty()) {
      return "'" + shortened(entry.email()) + "' is not an e-mail address.";
    }
    if (entry.name() != null && entry.name().strip().length() > MAX_TEXT) {
      return "the name is longer than " + MAX_TEXT + " characters.";
    }
    if (entry.label() != null && !CodeIssuance.labelFits(entry.label().strip())) {
      return "the label is longer than " + MAX_TEXT + " characters.";
    }
    if (entry.timeZone() != null && !entry.timeZone().isBlank()) {
      try {
        ZoneId.of(entry.timeZone().strip());
      } catch (DateTimeException e) {
        return "'"
            + shortened(entry.timeZone())
            + "' is not a time zone name such as Europe/Berlin.";
      }
    }
    return null;
  }

  private static String shortened(String text) {
    String stripped = text.strip();
    return stripped.length() <= 60 ? stripped : stripped.substring(0, 60) + "...";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
