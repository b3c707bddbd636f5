package io.streamgate.media.health.boundary;

import io.streamgate.media.access.control.RevocationView;
import io.streamgate.media.cache.control.SegmentCache;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET /health} of the media server in the specification's shape, for monitoring written
 * against it. MicroProfile Health ({@code /health/ready}, {@code /health/live}) is the real one.
 * Reads counters only: never walks the cache folder. {@code lastSyncAgo} is the specification's
 * text ({@code "25s"}); {@code lastSyncAgoSeconds} is the same as a number, for scripts; both are
 * {@code null} before the first sync.
 */
@WebServlet("/health")
public class CompatibleHealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject RevocationView revocations;

  @Inject SegmentCache cache;

  @Inject Clock clock;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    SegmentCache.Stats stats = cache.stats();
    String seconds =
        revocations
            .syncedAt()
            .map(at -> Long.toString(Duration.between(at, clock.instant()).toSeconds()))
            .orElse(null);
    String body =
        "{\"status\":\"ok\",\"revocationCacheSize\":"
            + revocations.size()
            + ",\"lastSyncAgo\":"
            + (seconds == null ? "null" : "\"" + seconds + "s\"")
            + ",\"lastSyncAgoSeconds\":"
            + (seconds == null ? "null" : seconds)
            + ",\"segmentCacheEvents\":"
            + stats.events()
            + ",\"segmentCacheSizeMB\":"
            + Math.round(stats.bytes() / 1024.0 / 1024.0 * 100) / 100.0
            + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }
}
