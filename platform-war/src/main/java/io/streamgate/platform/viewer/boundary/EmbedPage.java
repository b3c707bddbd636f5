package io.streamgate.platform.viewer.boundary;

import io.streamgate.platform.events.control.EventCatalog.EmbeddedEvent;
import io.streamgate.platform.sessions.control.SessionPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** Backs the embed page with the event {@link EmbedServlet} found; without one, 404. */
@Named
@RequestScoped
public class EmbedPage {

  @Inject SessionPolicy sessions;

  private EmbeddedEvent event;

  /** Takes the event the servlet handed over (f:viewAction); a direct request is not found. */
  public void load() throws IOException {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    if (context.getRequestMap().get(EmbedServlet.EVENT) instanceof EmbeddedEvent handed) {
      event = handed;
    } else {
      context.responseSendError(404, "Not found");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public EmbeddedEvent getEvent() {
    return event;
  }

  /**
   * How often the player sends heartbeats, in milliseconds; from here rather than the portal's
   * view-scoped bean, so that a framed page opens no HTTP session it could never use again.
   */
  public long getHeartbeatMillis() {
    return sessions.heartbeatInterval().toMillis();
  }
}
