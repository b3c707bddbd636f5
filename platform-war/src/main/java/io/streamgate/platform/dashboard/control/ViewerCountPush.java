package io.streamgate.platform.dashboard.control;

import io.streamgate.platform.metrics.control.PlatformMetrics;
import io.streamgate.platform.sessions.control.ViewerSessions;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Tells open dashboards when the number of live viewers changes, so they update without reloading.
 * Every platform member looks at the database every two seconds and pushes to its own browsers; a
 * heartbeat or release on any member is seen by all. Only the console sessions of active users hear
 * it: each dashboard's channel belongs to its session's push key ({@link DashboardAudience}).
 */
@Singleton
public class ViewerCountPush {

  @Inject ViewerSessions sessions;

  @Inject PlatformMetrics metrics;

  @Inject DashboardAudience audience;

  @Inject
  @Push(channel = "viewers")
  PushContext viewers;

  private Map<String, Long> last = Map.of();

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  void look() {
    Map<String, Long> now = sessions.liveCounts();
    metrics.liveSessions(now.values().stream().mapToLong(Long::longValue).sum());
    if (!now.equals(last)) {
      last = now;
      viewers.send("changed", audience.current());
    }
  }
}
