package io.streamgate.platform.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a request body over {@value #MAX_BYTES} bytes by its {@code Content-Length} before
 * anything reads it (413), and a chunked body outside the API (411): browsers post forms with a
 * length, and the API counts chunked bodies itself ({@link BodySizeLimit}, 8 KB). The refusal goes
 * through the application's error pages, so the API answers JSON and pages the portal's or the
 * console's page. The container's own limit ({@code max-post-size-bytes}) is off for that reason:
 * Grizzly answered it with an HTML page naming the server and its version.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeLimit extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The largest body a form or an API request needs (a console form is a few kilobytes). */
  static final long MAX_BYTES = 1024 * 1024;

  /**
   * The largest file taken (100,000 codes with labels): by an API method that says so ({@link
   * LargeBody}; every other one counts to 8 KB) or a console upload, which the container streams to
   * disk.
   */
  public static final long FILE_MAX_BYTES = 32L * 1024 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    if (length > (inApi(request) ? FILE_MAX_BYTES : MAX_BYTES)) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    if (length < 0 && chunked(request) && !inApi(request)) {
      response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Under {@code /api/}, as the container mapped it (the API's servlet path is {@code /api}). */
  private static boolean inApi(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return (request.getServletPath() + (pathInfo == null ? "" : pathInfo)).startsWith("/api/");
  }

  private static boolean chunked(HttpServletRequest request) {
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
  }
}
