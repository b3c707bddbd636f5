package io.streamgate.platform.demo.control;

import io.streamgate.common.Spec;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Seeds the demo on first boot when {@code STREAMGATE_DEMO} is on, as the specification's seed has
 * it: three events (one upcoming, one live, one ended but still within its access window), each
 * with ten codes in every state, so that each console screen shows something. The live one is the
 * playable demo event on the bundled stream; its five unused "Demo ticket" codes are the ones the
 * launcher prints. Seeded once: when the demo event exists, nothing is added. On every boot the
 * demo's usable codes are written to {@code <data dir>/demo-codes.txt} (never to the log).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class DemoContent {

  /** The demo event's id, which is also its folder under {@code STREAM_ROOT}. */
  public static final String EVENT_ID = "demo";

  /** The seeded event that starts two hours after the first boot (it has no stream). */
  public static final String UPCOMING_EVENT_ID = "demo-upcoming";

  /** The seeded event that ended an hour before the first boot (it has no stream). */
  public static final String ENDED_EVENT_ID = "demo-ended";

  static final int CODES = 5;
  static final String CODES_FILE = "demo-codes.txt";

  /** The label of the codes the launcher prints; the seed's other codes are "Sample ticket". */
  static final String PRINTED_LABEL = "Demo ticket ";

  private static final String SAMPLE_LABEL = "Sample ticket ";

  /** Where seeded redemptions came from: a documentation address (RFC 5737), nobody's. */
  private static final String SAMPLE_IP = "192.0.2.10";

  private static final System.Logger LOG = System.getLogger(DemoContent.class.getName());

  boolean enabled;

  String dataDir;

  @Inject
  void configure(PlatformSettings settings) {
    enabled = settings.demo();
    dataDir = settings.dataDir();
  }

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @PostConstruct
  void seed() {
    if (!enabled) {
      return;
    }
    // Once, on the first run: an admin who deleted some of the demo's events does not get them
    // back (nor a start-up that fails on those kept).
    if (Stream.of(EVENT_ID, UPCOMING_EVENT_ID, ENDED_EVENT_ID)
        .allMatch(id -> em.find(Event.class, id) == null)) {
      createEvents(clock.instant());
    }
    List<String> codes =
        em.createNamedQuery(AccessCode.USABLE_OF_EVENT, String.class)
            .setParameter("eventId", EVENT_ID)
            .setParameter("now", clock.instant())
            .setParameter("labelPrefix", PRINTED_LABEL.toLowerCase(Locale.ROOT) + "%")
            .getResultList();
    writeCodesFile(codes.stream().map(AccessCodeCodec::display).toList());
  }

  private Event event(
      String id,
      String title,
      Instant startsAt,
      Instant endsAt,
      String description,
      boolean listed,
      Instant now) {
    Event event = new Event(id, title, startsAt, endsAt, Spec.ACCESS_WINDOW_DEFAULT_HOURS, now);
    event.describe(description, now);
    if (listed) {
      event.list(true, now);
    }
    em.persist(event);
    return event;
  }

  private void createEvents(Instant now) {
    Event live =
        event(
            EVENT_ID,
            "StreamGate demo",
            now.minus(Duration.ofHours(1)),
            now.plus(Duration.ofDays(365)),
            "A 30-second test pattern in 360p and 720p, bundled with StreamGate.",
            true,
            now);
    Event upcoming =
        event(
            UPCOMING_EVENT_ID,
            "Demo premiere",
            now.plus(Duration.ofHours(2)),
            now.plus(Duration.ofHours(4)),
            "A sample event that has not started: its codes show a countdown.",
            true,
            now);
    Event ended =
        event(
            ENDED_EVENT_ID,
            "Demo matinee",
            now.minus(Duration.ofHours(4)),
            now.minus(Duration.ofHours(1)),
            "A sample event that ended; its access window is still open.",
            false,
            now);

    Codes codes = new Codes(now);
    codes.add(live, PRINTED_LABEL, CODES, 0);
    codes.add(live, SAMPLE_LABEL, 5, 3);
    codes.add(upcoming, SAMPLE_LABEL, 10, 2);
    codes.add(ended, SAMPLE_LABEL, 10, 4);
    LOG.log(System.Logger.Level.INFO, "Created the demo events with {0} codes", codes.count);
  }

  /**
   * Adds the seed's codes: of {@code total}, the first {@code redeemed} are redeemed and, when at
   * least two remain, the last two are one revoked and one expired; the rest stay unused. The
   * printed codes are all unused.
   */
  private final class Codes {
    private final AccessCodeCodec codec = new AccessCodeCodec();
    private final Instant now;
    private int count;

    Codes(Instant now) {
      this.now = now;
    }

    void add(Event event, String label, int total, int redeemed) {
      boolean mixed = total >= redeemed + 2 && !label.equals(PRINTED_LABEL);
      for (int i = 1; i <= total; i++) {
        AccessCode code = new AccessCode(codec.generate(), event, label + (++count), now);
        if (i <= redeemed) {
          code.redeem(now.minus(Duration.ofMinutes(30L + i)), SAMPLE_IP);
        } else if (mixed && i == total - 1) {
          code.revoke(now);
        } else if (mixed && i == total) {
          code.expireAt(now.minus(Duration.ofMinutes(10)));
        }
        em.persist(code);
      }
    }
  }

  private void writeCodesFile(List<String> codes) {
    Path file = Path.of(dataDir).resolve(CODES_FILE);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, codes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
