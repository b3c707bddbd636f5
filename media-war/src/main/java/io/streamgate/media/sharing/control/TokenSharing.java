package io.streamgate.media.sharing.control;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.streamgate.common.Spec;
import io.streamgate.common.grid.SharingReport;
import io.streamgate.common.net.ClientAddresses;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.settings.entity.RevocationSync;
import io.streamgate.media.settings.entity.SharingMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches which clients play each viewer session's token ({@link ClientSightings} holds the rule)
 * and, when one is played by several at once, tells the platform through the data grid's {@link
 * SharingReport#MAP}: the platform ends the session (or only flags it, per {@code TOKEN_SHARING}),
 * audits it and publishes the ended session like any other, so every media member refuses it. The
 * client is the address {@code TRUSTED_PROXIES} allows to be believed, as on the platform: an
 * {@code X-Forwarded-For} from any other peer is ignored. Requests never wait on the grid.
 *
 * <p>Members share what they saw, so two devices served by different members are caught too: once a
 * second each member writes its new sightings ({@link MemberSightings}: per session, each client's
 * latest position per track and its fetch time) to the grid map {@link #SIGHTINGS_MAP}, key {@code
 * sid|member}, a plain string that lives {@link #SIGHTINGS_TTL_SECONDS} s; every member listens and
 * feeds the others' sightings into its own {@link ClientSightings}, which decides on the merged
 * picture 1-2 s late. Grid cost: one write a second per session that fetched a segment on this
 * member in that second (a player fetches one every 2-6 s, so 0.2-0.5 writes a second per playing
 * session; a device spread over k members, k times that), each of about 60-100 bytes per client and
 * track, delivered as an event to every member.
 */
@ApplicationScoped
public class TokenSharing {

  private static final Logger LOG = Logger.getLogger(TokenSharing.class.getName());

  /** The grid map of the members' latest sightings; see the class comment. */
  public static final String SIGHTINGS_MAP = "streamgate-token-sightings";

  /** How long a member's batch stays in the grid; the rule only looks 15 s back. */
  static final long SIGHTINGS_TTL_SECONDS = 30;

  @Inject MediaSettings settings;

  @Inject Clock clock;

  @Inject Instance<HazelcastInstance> grid;

  @Inject SharingStatistics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  private SharingMode mode;
  private ClientAddresses addresses;
  private ClientSightings sightings;
  private IMap<String, String> reports;
  private ScheduledFuture<?> sweeps;
  private final MemberSightings outbox = new MemberSightings();
  private IMap<String, String> shared;
  private String memberKey;
  private UUID arrivals;
  private ScheduledFuture<?> flushes;

  /** Created at deployment, so that a bad setting stops start-up instead of a request. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs init().
  }

  @PostConstruct
  void init() {
    mode = settings.tokenSharing();
    addresses = settings.trustedProxies();
    sightings = new ClientSightings(clock);
    if (mode == SharingMode.OFF) {
      return;
    }
    HazelcastInstance instance = grid.isResolvable() ? grid.get() : null;
    boolean gridRunning = instance != null && instance.getLifecycleService().isRunning();
    if (!gridRunning || edge()) {
      // An edge server's grid (if any) is not the platform's: nobody would hear a report.
      LOG.info("TOKEN_SHARING: not in the platform's data grid; not watching for token sharing");
      mode = SharingMode.OFF;
      return;
    }
    reports = instance.getMap(SharingReport.MAP);
    sweeps = scheduler.scheduleAtFixedRate(sightings::forgetIdle, 30, 30, TimeUnit.SECONDS);
    shared = instance.getMap(SIGHTINGS_MAP);
    memberKey = "|" + instance.getCluster().getLocalMember().getUuid();
    arrivals = shared.addEntryListener(new Arrivals(), true);
    flushes = scheduler.scheduleAtFixedRate(this::flush, 1, 1, TimeUnit.SECONDS);
  }

  /** Writes this member's sightings of the last second to the grid, without waiting for it. */
  void flush() {
    try {
      Map<String, String> batches = outbox.drain();
      for (Map.Entry<String, String> batch : batches.entrySet()) {
        shared.setAsync(
            batch.getKey() + memberKey, batch.getValue(), SIGHTINGS_TTL_SECONDS, TimeUnit.SECONDS);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Token sightings not written to the data grid", e);
    }
  }

  /** Another member's batch for one session; this member's own come back too and are skipped. */
  void arrived(String key, String value) {
    if (value == null || key.endsWith(memberKey)) {
      return;
    }
    int bar = key.lastIndexOf('|');
    if (bar <= 0) {
      return;
    }
    String sessionId = key.substring(0, bar);
    MemberSightings.Batch batch = MemberSightings.decode(value);
    for (MemberSightings.Sighting sighting : batch.sightings()) {
      int clients =
          sightings.sawElsewhere(sessionId, sighting.client(), sighting.position(), sighting.at());
      if (clients > 0) {
        report(sessionId, batch.eventId(), clients);
        return;
      }
    }
  }

  /** Whether this is an edge server (REVOCATION_SYNC=poll). */
  private boolean edge() {
    return settings.revocationSync(true) == RevocationSync.POLL;
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
    if (flushes != null) {
      flushes.cancel(false);
    }
    try {
      if (arrivals != null) {
        shared.removeEntryListener(arrivals);
      }
    } catch (RuntimeException e) {
      // The grid is already going down with the server.
    }
  }

  /**
   * Notes a request the gate let through: {@code file} of the claims' event, from the socket peer
   * {@code remoteAddress} with that {@code X-Forwarded-For}. Probe tokens have no session.
   */
  public void seen(PlaybackClaims claims, String remoteAddress, String forwardedFor, String file) {
    if (mode == SharingMode.OFF || claims.sid() == null || claims.probe()) {
      return;
    }
    String client = ClientKeys.of(addresses.clientOf(remoteAddress, forwardedFor));
    ClientSightings.Position position = ClientSightings.Position.of(file);
    int clients = sightings.saw(claims.sid(), client, position);
    if (shared != null) {
      outbox.saw(claims.sid(), claims.eid(), client, position, clock.millis());
    }
    if (clients > 0) {
      report(claims.sid(), claims.eid(), clients);
    }
  }

  private void report(String sessionId, String eventId, int clients) {
    SharingReport.Action action =
        mode == SharingMode.END ? SharingReport.Action.END : SharingReport.Action.FLAG;
    SharingReport report = new SharingReport(action, clients, clock.millis(), eventId);
    String name = action.name().toLowerCase(Locale.ROOT);
    metrics.tokenSharing(name);
    LOG.log(
        Level.WARNING,
        "Token sharing: a session of event {0} played by {1} clients at once; asking the platform"
            + " to {2} it",
        new Object[] {eventId, clients, name});
    scheduler.execute(
        () -> {
          try {
            // The first report of a session wins; it lasts as long as a token of it can.
            reports.putIfAbsent(
                sessionId,
                report.encode(),
                Spec.PLAYBACK_TOKEN_LIFETIME.plus(Spec.CLOCK_SKEW_LEEWAY).toMillis(),
                TimeUnit.MILLISECONDS);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Token sharing report not written to the data grid", e);
          }
        });
  }

  /** Hazelcast calls these on its event threads; the work is a few map look-ups per sighting. */
  private final class Arrivals
      implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
      received(event);
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
      received(event);
    }

    private void received(EntryEvent<String, String> event) {
      try {
        arrived(event.getKey(), event.getValue());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Token sightings from another member not read", e);
      }
    }
  }
}
