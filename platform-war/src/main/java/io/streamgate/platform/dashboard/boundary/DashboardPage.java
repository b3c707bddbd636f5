package io.streamgate.platform.dashboard.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.dashboard.control.Dashboard;
import io.streamgate.platform.dashboard.control.Dashboard.Summary;
import io.streamgate.platform.dashboard.control.Dashboard.Watched;
import io.streamgate.platform.dashboard.control.DashboardAudience;
import io.streamgate.platform.events.control.EventCodes.StatusCounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.List;

/** Backs the console's dashboard; the live viewers part is re-rendered when the server pushes. */
@Named
@RequestScoped
public class DashboardPage {

  @Inject Dashboard dashboard;

  @Inject DashboardAudience audience;

  @Inject Console console;

  @Inject HttpServletRequest request;

  private final SecureRandom random = new SecureRandom();

  private Summary summary;
  private List<Watched> watched;

  public Summary getSummary() {
    if (summary == null) {
      summary = dashboard.summary();
    }
    return summary;
  }

  public List<Watched> getWatched() {
    if (watched == null) {
      watched = summary == null ? dashboard.watched() : summary.watched();
    }
    return watched;
  }

  /**
   * The live counts' channel user for this console session: counts are pushed to open sessions of
   * active users only (see {@link DashboardAudience}).
   */
  public String getPushKey() {
    String key = DashboardSessions.keyOf(request.getSession(), random);
    audience.listening(key, console.identity());
    return key;
  }

  public long getViewers() {
    return getWatched().stream().mapToLong(Watched::viewers).sum();
  }

  /** A status's share of all codes in percent, for the bar chart. */
  public double share(long part) {
    StatusCounts codes = getSummary().codes();
    return codes.total() == 0 ? 0 : 100.0 * part / codes.total();
  }
}
