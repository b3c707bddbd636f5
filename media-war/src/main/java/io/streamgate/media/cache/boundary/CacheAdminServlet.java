package io.streamgate.media.cache.boundary;

import io.streamgate.common.errors.ErrorCodes;
import io.streamgate.common.internal.InternalApiKeys;
import io.streamgate.common.playback.StreamPaths;
import io.streamgate.media.cache.control.SegmentCache;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code DELETE /admin/cache/<eventId>} with {@code X-Internal-Api-Key}: removes the event's cached
 * files, e.g. after the organiser replaced a recording upstream. Anything but a plain event id is
 * refused before the file system is touched. Answers 204, as the specification says, also when
 * nothing was cached.
 */
@WebServlet("/admin/cache/*")
public class CacheAdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SegmentCache cache;

  @Inject MediaSettings settings;

  @Override
  protected void doDelete(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!InternalApiKeys.matches(
        settings.internalApiKey().orElse(null), req.getHeader(InternalApiKeys.HEADER))) {
      json(res, 401, ErrorCodes.body(401, "Authorization required"));
      return;
    }
    // The path as the container decoded, normalised and mapped it, never the raw request URI.
    String pathInfo = req.getPathInfo();
    String eventId = pathInfo == null ? "" : pathInfo.substring(1);
    if (!StreamPaths.isPlainName(eventId)) {
      json(res, 400, ErrorCodes.body(400, "Invalid event id"));
      return;
    }
    cache.clearEvent(eventId);
    res.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  private static void json(HttpServletResponse res, int status, String body) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-store");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }
}
