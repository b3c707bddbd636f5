package io.streamgate.platform.revocation.control;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the grid's access view equal to the database's truth: publishes it when the platform
 * starts, again shortly after this member's grid merged back from a split or another member joined
 * (the grid's merge can bring back entries the other side had removed meanwhile), and every {@link
 * #PERIOD} as a safety net for a publish that failed after its commit.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class AccessViewStartup {

  private static final Logger LOG = Logger.getLogger(AccessViewStartup.class.getName());

  /** Time for the grid to finish merging entries before the view is compared with the database. */
  static final Duration AFTER_CHANGE = Duration.ofSeconds(5);

  static final Duration PERIOD = Duration.ofMinutes(10);

  @Inject AccessViewPublisher publisher;

  @Inject HazelcastInstance grid;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean pending = new AtomicBoolean();
  private UUID lifecycleListener;
  private UUID membershipListener;
  private ScheduledFuture<?> periodic;

  @PostConstruct
  void publish() {
    publisher.reconcile();
    lifecycleListener =
        grid.getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleState.MERGED) {
                    reconcileSoon();
                  }
                });
    membershipListener =
        grid.getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent event) {
                    reconcileSoon();
                  }

                  @Override
                  public void memberRemoved(MembershipEvent event) {
                    // Entries stay in the grid's backups; nothing to publish.
                  }
                });
    periodic =
        scheduler.scheduleWithFixedDelay(
            this::reconcile, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    periodic.cancel(false);
    if (grid.getLifecycleService().isRunning()) {
      grid.getLifecycleService().removeLifecycleListener(lifecycleListener);
      grid.getCluster().removeMembershipListener(membershipListener);
    }
  }

  /** One reconcile for a burst of changes (members joining one after the other). */
  private void reconcileSoon() {
    if (pending.compareAndSet(false, true)) {
      scheduler.schedule(
          () -> {
            pending.set(false);
            reconcile();
          },
          AFTER_CHANGE.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void reconcile() {
    try {
      publisher.reconcile();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Access view not reconciled with the database", e);
    }
  }
}
