package io.streamgate.platform.health.boundary;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the Payara data grid this instance belongs to: a fingerprint of its cluster name and how
 * many members it sees. Ready when the grid runs; operators read the member count to check that
 * instances that should form one cluster do, and that isolated ones do not.
 */
@Readiness
@ApplicationScoped
public class DataGridReadiness implements HealthCheck {

  @Inject Instance<HazelcastInstance> grid;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("data-grid");
    HazelcastInstance instance = grid.isResolvable() ? grid.get() : null;
    if (instance == null || !instance.getLifecycleService().isRunning()) {
      return response.down().withData("error", "data grid not running").build();
    }
    return response
        .up()
        .withData("cluster", fingerprint(instance.getConfig().getClusterName()))
        .withData("members", instance.getCluster().getMembers().size())
        .build();
  }

  /**
   * The grid's name is what a process needs to join it (and so lift revocations), so whoever reads
   * the health endpoint sees only the first 12 hex digits of its SHA-256, which still tells two
   * grids apart.
   */
  static String fingerprint(String clusterName) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(clusterName.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
