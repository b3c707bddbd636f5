package io.streamgate.media.delivery.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Where the container sends every error of the media server (see {@code web.xml}), such as a method
 * a servlet does not serve or an exception no filter caught: the same {@code {"error": ...}}
 * answers as {@link MediaResponses}, never the container's HTML page.
 */
@WebServlet(MediaErrorServlet.PATH)
public class MediaErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/error";

  private static final System.Logger LOG = System.getLogger(MediaErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
      LOG.log(Level.WARNING, "Media request failed", failure);
    }
    MediaResponses.error(response, status);
  }
}
