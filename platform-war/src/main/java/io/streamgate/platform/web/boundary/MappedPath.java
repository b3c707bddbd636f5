package io.streamgate.platform.web.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path inside this application that the container mapped a request to: decoded, without path
 * parameters, with {@code .} and {@code ..} resolved. Decisions about a request (which area it is
 * in) are taken on this, never on the raw URI, in which {@code /api/%2e%2e/admin/x} or {@code
 * /api/..;/admin/x} looks like the API although the container serves {@code /admin/x}.
 */
final class MappedPath {

  private MappedPath() {}

  /**
   * The original request's mapped path, also during an error dispatch: the servlet path and path
   * info the container recorded for it when there are any, else its raw URI decoded and normalised
   * as the container does; the request's own mapped path when it is not a dispatch.
   */
  static String of(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH) instanceof String servlet) {
      Object info = request.getAttribute(RequestDispatcher.FORWARD_PATH_INFO);
      return servlet + (info instanceof String value ? value : "");
    }
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      return decoded(uri, request.getContextPath());
    }
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  /**
   * A raw request URI as the path inside the application at {@code contextPath}: path parameters
   * ({@code ;jsessionid=...}) dropped, percent-decoded once, {@code .}, {@code ..} and empty
   * segments resolved; never above the root. A malformed escape is left as it is.
   */
  static String decoded(String rawUri, String contextPath) {
    String raw = rawUri;
    int query = raw.indexOf('?');
    if (query >= 0) {
      raw = raw.substring(0, query);
    }
    StringBuilder decoded = new StringBuilder();
    for (String segment : raw.split("/", -1)) {
      int parameters = segment.indexOf(';');
      decoded.append(decode(parameters >= 0 ? segment.substring(0, parameters) : segment));
      decoded.append('/');
    }
    String path = normalised(decoded.substring(0, decoded.length() - 1));
    String context = contextPath == null ? "" : contextPath;
    if (!context.isEmpty() && (path.equals(context) || path.startsWith(context + "/"))) {
      path = path.substring(context.length());
    }
    return path.isEmpty() ? "/" : path;
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }

  private static String normalised(String path) {
    Deque<String> kept = new ArrayDeque<>();
    String[] segments = path.split("/", -1);
    for (String segment : segments) {
      if (segment.equals("..")) {
        kept.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        kept.addLast(segment);
      }
    }
    String last = segments[segments.length - 1];
    boolean directory = last.isEmpty() || last.equals(".") || last.equals("..");
    String joined = "/" + String.join("/", kept);
    return directory && !kept.isEmpty() ? joined + "/" : joined;
  }
}
