package io.streamgate.platform.web.boundary;

import io.streamgate.platform.web.control.GracefulStop;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts the requests under way for {@link GracefulStop}, and once the platform is stopping answers
 * new ones with 503, {@code Retry-After} and {@code Connection: close}: JSON under the API, the
 * error page elsewhere.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class StoppingGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Seconds: about what a restarting platform needs to answer again. */
  static final int RETRY_AFTER_SECONDS = 30;

  @Inject GracefulStop stop;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Counted before the check: a request that passed it is one the drain waits for.
    stop.requests().started();
    try {
      if (stop.stopping()) {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Connection", "close");
        if (ErrorPageServlet.answersJson(MappedPath.of(request))) {
          JsonErrors.write(response, 503, JsonErrors.message(503));
        } else {
          response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        return;
      }
      chain.doFilter(request, response);
    } finally {
      stop.requests().ended();
    }
  }
}
