package io.streamgate.platform.viewer.boundary;

import io.streamgate.platform.events.control.EventCatalog;
import io.streamgate.platform.events.control.EventCatalog.EventTeaser;
import io.streamgate.platform.sessions.control.SessionPolicy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs the portal's landing page. */
@Named
@ViewScoped
public class ViewerPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject EventCatalog catalog;

  @Inject SessionPolicy sessions;

  private List<EventTeaser> events;

  /** Loads what the page shows once per view (f:viewAction). */
  public void load() {
    events = catalog.upcomingAndCurrent();
  }

  public List<EventTeaser> getEvents() {
    return events;
  }

  /** How often the player sends heartbeats, in milliseconds. */
  public long getHeartbeatMillis() {
    return sessions.heartbeatInterval().toMillis();
  }
}
