package io.streamgate.media.sharing.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.streamgate.common.Spec;
import io.streamgate.common.grid.SharingReport;
import io.streamgate.common.net.ClientAddresses;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.access.control.RevocationSync;
import io.streamgate.media.delivery.control.DeliveryMetrics;
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
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Watches which clients play each viewer session's token ({@link ClientSightings} holds the rule)
 * and, when one is played by several at once, tells the platform through the data grid's {@link
 * SharingReport#MAP}: the platform ends the session (or only flags it, per {@code TOKEN_SHARING}),
 * audits it and publishes the ended session like any other, so every media member refuses it. The
 * client is the address {@code TRUSTED_PROXIES} allows to be believed, as on the platform: an
 * {@code X-Forwarded-For} from any other peer is ignored. Requests never wait on the grid.
 */
@ApplicationScoped
public class TokenSharing {

  private static final Logger LOG = Logger.getLogger(TokenSharing.class.getName());

  @Inject
  @ConfigProperty(name = "TOKEN_SHARING", defaultValue = "end")
  String configured;

  @Inject
  @ConfigProperty(name = "TRUSTED_PROXIES")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "REVOCATION_SYNC")
  Optional<String> revocationSync;

  @Inject Clock clock;

  @Inject Instance<HazelcastInstance> grid;

  @Inject DeliveryMetrics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  private SharingMode mode;
  private ClientAddresses addresses;
  private ClientSightings sightings;
  private IMap<String, String> reports;
  private ScheduledFuture<?> sweeps;

  /** Created at deployment, so that a bad setting stops start-up instead of a request. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs init().
  }

  @PostConstruct
  void init() {
    try {
      mode = SharingMode.of(configured);
      addresses = new ClientAddresses(trustedProxies.orElse(""));
    } catch (IllegalStateException | IllegalArgumentException e) {
      // One line that says what to fix, before the container's stack trace.
      System.getLogger(TokenSharing.class.getName()).log(System.Logger.Level.ERROR, e.getMessage());
      throw e;
    }
    sightings = new ClientSightings(clock);
    if (mode == SharingMode.OFF) {
      return;
    }
    HazelcastInstance instance = grid.isResolvable() ? grid.get() : null;
    boolean gridRunning = instance != null && instance.getLifecycleService().isRunning();
    if (!gridRunning
        || RevocationSync.of(revocationSync.orElse(null), true) == RevocationSync.POLL) {
      // An edge server's grid (if any) is not the platform's: nobody would hear a report.
      LOG.info("TOKEN_SHARING: not in the platform's data grid; not watching for token sharing");
      mode = SharingMode.OFF;
      return;
    }
    reports = instance.getMap(SharingReport.MAP);
    sweeps = scheduler.scheduleAtFixedRate(sightings::forgetIdle, 30, 30, TimeUnit.SECONDS);
  }

  /** Whether this is an edge server (REVOCATION_SYNC=poll); a bad value is refused elsewhere. */
  private boolean edge() {
    try {
      return RevocationSync.of(revocationSync.orElse(null), true) == RevocationSync.POLL;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
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
    int clients = sightings.saw(claims.sid(), client, file);
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
}
