package io.streamgate.media.delivery.boundary;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.delivery.control.AccessLogWriter;
import io.streamgate.media.delivery.control.DeliveryMetrics;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON line per stream request in the access log, and the request metrics: written when the
 * response is complete (for async ones, when the body is out). The path is logged without its query
 * string, so a {@code __token} never reaches the log, and the code only as its fingerprint.
 */
final class AccessLog {

  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

  private AccessLog() {}

  /** Arranges the log line and metrics for when the request is answered. */
  static void whenDone(
      HttpServletRequest req,
      HttpServletResponse res,
      long startNanos,
      DeliveryMetrics metrics,
      AccessLogWriter log,
      Runnable done) {
    if (req.isAsyncStarted()) {
      req.getAsyncContext()
          .addListener(
              new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                  done.run();
                  record(req, res, startNanos, metrics, log);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                  // completed afterwards, which logs
                }

                @Override
                public void onError(AsyncEvent event) {
                  // completed afterwards, which logs
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                  // not restarted
                }
              });
    } else {
      done.run();
      record(req, res, startNanos, metrics, log);
    }
  }

  private static void record(
      HttpServletRequest req,
      HttpServletResponse res,
      long startNanos,
      DeliveryMetrics metrics,
      AccessLogWriter log) {
    try {
      write(req, res, startNanos, metrics, log);
    } catch (RuntimeException e) {
      // Never let bookkeeping fail a response, nor flood the server log.
      LOG.log(Level.FINE, "access log or metrics failed", e);
    }
  }

  private static void write(
      HttpServletRequest req,
      HttpServletResponse res,
      long startNanos,
      DeliveryMetrics metrics,
      AccessLogWriter log) {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    int status = res.getStatus();
    boolean withBody = !"HEAD".equals(req.getMethod()) && status != 304;
    String length = res.getHeader("Content-Length");
    long bytes = withBody && length != null ? Long.parseLong(length) : 0;
    metrics.request(status, bytes, took);
    PlaybackClaims claims = (PlaybackClaims) req.getAttribute(MediaGate.CLAIMS);
    log.write(
        line(
            Instant.now(),
            req.getMethod(),
            loggedPath(req.getContextPath(), req.getServletPath(), req.getPathInfo()),
            status,
            bytes,
            took,
            req.getRemoteAddr(),
            claims));
  }

  /**
   * The path as the log shows it: the one the container mapped (context, servlet and path info;
   * decoded and normalised), which is the file that was served or refused. It never holds the query
   * string, where a {@code __token} travels.
   */
  static String loggedPath(String contextPath, String servletPath, String pathInfo) {
    return contextPath + servletPath + (pathInfo == null ? "" : pathInfo);
  }

  /**
   * One JSON object on one line. Every string in it is escaped: the method, the path and the
   * address are the client's to choose (a method may hold quotes, a path control characters), and
   * an unescaped one could add or overwrite fields of the line.
   */
  static String line(
      Instant time,
      String method,
      String path,
      int status,
      long bytes,
      Duration took,
      String ip,
      PlaybackClaims claims) {
    StringBuilder line = new StringBuilder(256);
    line.append("{\"time\":\"").append(time).append('"');
    line.append(",\"method\":\"").append(jsonSafe(method)).append('"');
    line.append(",\"path\":\"").append(jsonSafe(path)).append('"');
    line.append(",\"status\":").append(status);
    line.append(",\"bytes\":").append(bytes);
    line.append(",\"ms\":").append(took.toNanos() / 10_000 / 100.0);
    line.append(",\"ip\":\"").append(jsonSafe(ip)).append('"');
    if (claims != null) {
      line.append(",\"event\":\"").append(jsonSafe(claims.eid())).append('"');
      if (claims.sub() != null) {
        line.append(",\"code\":\"")
            .append(jsonSafe(AccessCodeCodec.fingerprint(claims.sub())))
            .append('"');
      }
    }
    return line.append('}').toString();
  }

  /** Keeps only characters that need no escaping in JSON; the rest become {@code ?}. */
  private static String jsonSafe(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return safe.toString();
  }
}
