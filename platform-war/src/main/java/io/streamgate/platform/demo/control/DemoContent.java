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

/**
 * Seeds the demo event and its codes on first boot when {@code STREAMGATE_DEMO} is on, and on every
 * boot writes the demo's usable codes to {@code <data dir>/demo-codes.txt} (never to the log).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class DemoContent {

  /** The demo event's id, which is also its folder under {@code STREAM_ROOT}. */
  public static final String EVENT_ID = "demo";

  static final int CODES = 5;
  static final String CODES_FILE = "demo-codes.txt";

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
    Event event = em.find(Event.class, EVENT_ID);
    if (event == null) {
      event = createEvent();
    }
    List<String> codes =
        em.createNamedQuery(AccessCode.USABLE_OF_EVENT, String.class)
            .setParameter("eventId", EVENT_ID)
            .getResultList();
    writeCodesFile(codes.stream().map(AccessCodeCodec::display).toList());
  }

  private Event createEvent() {
    Instant now = clock.instant();
    Event event =
        new Event(
            EVENT_ID,
            "StreamGate demo",
            now.minus(Duration.ofHours(1)),
            now.plus(Duration.ofDays(365)),
            Spec.ACCESS_WINDOW_DEFAULT_HOURS,
            now);
    event.describe("A 30-second test pattern in 360p and 720p, bundled with StreamGate.", now);
    event.list(true, now);
    em.persist(event);
    AccessCodeCodec codec = new AccessCodeCodec();
    for (int i = 1; i <= CODES; i++) {
      em.persist(new AccessCode(codec.generate(), event, "Demo ticket " + i, now));
    }
    LOG.log(System.Logger.Level.INFO, "Created the demo event with {0} codes", CODES);
    return event;
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
