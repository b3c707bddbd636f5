package io.streamgate.platform.viewer.boundary;

import io.streamgate.platform.events.control.EventCatalog;
import io.streamgate.platform.events.control.EventCatalog.EmbeddedEvent;
import io.streamgate.platform.web.boundary.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /embed/{eventId}}: code entry and player in one page, which the sites the event names may
 * frame (its Content-Security-Policy {@code frame-ancestors}; every other page keeps {@code DENY}).
 * The id is the container's decoded path info, a bare event id or nothing: anything else, and an id
 * no event has, is 404. The page itself is {@code /embed.xhtml}, reached by forward only. Only GET
 * and HEAD answers may be framed ({@link SecurityHeaders}).
 */
@WebServlet(name = SecurityHeaders.EMBED_SERVLET, urlPatterns = "/embed/*")
public class EmbedServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The request attribute that hands the event to the page. */
  static final String EVENT = EmbedServlet.class.getName() + ".event";

  /** Event ids: random UUIDs, and the demo's {@code demo}; looked up, never joined into a path. */
  private static final Pattern EVENT_ID = Pattern.compile("/([0-9A-Za-z-]{1,64})");

  @Inject EventCatalog catalog;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<EmbeddedEvent> event = event(request.getPathInfo());
    if (event.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    SecurityHeaders.embeddable(request, response, event.get().origins());
    request.setAttribute(EVENT, event.get());
    request.getRequestDispatcher("/embed.xhtml").forward(request, response);
  }

  private Optional<EmbeddedEvent> event(String pathInfo) {
    if (pathInfo == null) {
      return Optional.empty();
    }
    var id = EVENT_ID.matcher(pathInfo);
    return id.matches() ? catalog.embedded(id.group(1)) : Optional.empty();
  }
}
