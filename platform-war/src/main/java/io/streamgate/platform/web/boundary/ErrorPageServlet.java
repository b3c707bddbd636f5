package io.streamgate.platform.web.boundary;

import io.streamgate.common.errors.Causes;
import io.streamgate.platform.persistence.control.DatabaseOutages;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Where the container sends every error of the platform (see {@code web.xml}): {@code {"error":
 * ...}} under {@code /api}, {@code /health}, {@code /metrics} and {@code /openapi}, the console's
 * error page under {@code /admin}, the portal's elsewhere. None of them names the server, an
 * exception or a stack trace; the exception is logged here once. A failure because the database is
 * away is a 503 with {@code Retry-After}, logged at most once a second.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String PATH = "/error";

  /**
   * Where machines ask: the API, and the server's MicroProfile endpoints, which Payara serves on
   * this (the root) application's error pages.
   */
  static final List<String> JSON_AREAS = List.of("/api", "/health", "/metrics", "/openapi");

  private static final System.Logger LOG = System.getLogger(ErrorPageServlet.class.getName());

  @Inject DatabaseOutages outages;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    String path = MappedPath.of(request);
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
      if (outages.recognise(failure)) {
        // Not this request's fault, and over soon: the caller tries again (the player does).
        status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        response.setHeader("Retry-After", Integer.toString(DatabaseOutages.RETRY_AFTER_SECONDS));
      } else if (bodyTimedOut(failure)) {
        // The client's doing (a body slower than the timeout, or shorter than announced).
        status = HttpServletResponse.SC_REQUEST_TIMEOUT;
        LOG.log(Level.INFO, "Request to {0}: the body did not arrive in time", path);
      } else {
        LOG.log(Level.WARNING, "Request to " + path + " failed", failure);
      }
    }
    if (answersJson(path)) {
      JsonErrors.write(response, status, JsonErrors.message(status));
      return;
    }
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    request.setAttribute("errorStatus", status);
    String page = path.startsWith("/admin/") ? "/admin/error.xhtml" : "/error.xhtml";
    request.getRequestDispatcher(page).forward(new PlainView(request), response);
  }

  /**
   * The failed request as a plain GET of the error page: without it JSF would take a failed form
   * post (with its {@code jakarta.faces.ViewState}) for a post-back of the error page and fail
   * again.
   */
  static final class PlainView extends HttpServletRequestWrapper {

    PlainView(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getHeader(String name) {
      return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Faces-Request".equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public String getParameter(String name) {
      return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }

    @Override
    public String getQueryString() {
      return null;
    }
  }

  /**
   * Whether reading the request body timed out (Grizzly's read gives up with a TimeoutException).
   */
  static boolean bodyTimedOut(Throwable failure) {
    return Causes.find(failure, TimeoutException.class).isPresent();
  }

  /**
   * Whether the failed request, by its mapped path (see {@link MappedPath}), was one a machine
   * made, and so gets {@code {"error": ...}} rather than a page.
   */
  static boolean answersJson(String mappedPath) {
    return JSON_AREAS.stream()
        .anyMatch(area -> mappedPath.equals(area) || mappedPath.startsWith(area + "/"));
  }
}
