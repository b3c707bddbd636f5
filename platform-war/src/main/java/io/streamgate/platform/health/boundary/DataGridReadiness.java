package io.streamgate.platform.health.boundary;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the Payara data grid this instance belongs to: its cluster name and how many members it
 * sees. Ready when the grid runs; operators read the member count to check that instances that
 * should form one cluster do, and that isolated ones do not.
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
        .withData("cluster", instance.getConfig().getClusterName())
        .withData("members", instance.getCluster().getMembers().size())
        .build();
  }
}
