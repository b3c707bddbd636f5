package io.streamgate.media.delivery.boundary;

import io.streamgate.common.playback.InvalidPlaybackTokenException;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.media.access.control.RevocationView;
import io.streamgate.media.delivery.control.AccessLogWriter;
import io.streamgate.media.delivery.control.DeliveryMetrics;
import io.streamgate.media.delivery.control.InFlightResponses;
import io.streamgate.media.delivery.control.TokenCache;
import io.streamgate.media.keys.control.PlatformKeys;
import io.streamgate.media.sharing.control.TokenSharing;
import io.streamgate.media.streams.control.Manifests;
import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every stream request passes here first, and only with a playback JWT that opens the requested
 * file: from {@code Authorization: Bearer}, else the {@code __token} query parameter. Checks, in
 * memory: signature (once per token), expiry, path inside the token's event and stream path, probe
 * tokens HEAD only, code/event/session not revoked. Answers CORS preflights itself. What it lets
 * through is shown to {@link TokenSharing}, which notices a token played by several clients at
 * once.
 */
@WebFilter(servletNames = StreamServlet.NAME, asyncSupported = true)
public class MediaGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Request attribute: the verified {@link PlaybackClaims}. */
  static final String CLAIMS = PlaybackClaims.class.getName();

  /** Request attribute: the parsed {@link StreamRequest}. */
  static final String REQUEST = StreamRequest.class.getName();

  /** Request attribute: the token, when it came as a query parameter (manifests then carry it). */
  static final String QUERY_TOKEN = Manifests.TOKEN_PARAMETER;

  @Inject TokenCache tokens;

  @Inject RevocationView revocations;

  @Inject PlatformKeys keys;

  @Inject DeliveryMetrics metrics;

  @Inject InFlightResponses inFlight;

  @Inject AccessLogWriter accessLog;

  @Inject TokenSharing sharing;

  @Inject
  @ConfigProperty(name = "CORS_ALLOWED_ORIGIN", defaultValue = "*")
  String allowedOrigin;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    inFlight.started();
    try {
      gate(req, res, chain);
    } finally {
      AccessLog.whenDone(req, res, start, metrics, accessLog, inFlight::ended);
    }
  }

  /** Verifies; a token of a key not known yet is verified again once the keys were re-fetched. */
  private PlaybackClaims verify(String token) throws InvalidPlaybackTokenException {
    try {
      return tokens.verify(token);
    } catch (InvalidPlaybackTokenException e) {
      if (e.reason() == InvalidPlaybackTokenException.Reason.UNKNOWN_KEY
          && keys.refetchForUnknownKey()) {
        return tokens.verify(token);
      }
      throw e;
    }
  }

  private void gate(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    cors(req, res);
    String method = req.getMethod();
    if ("OPTIONS".equals(method)) {
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Range");
      res.setHeader("Access-Control-Max-Age", "86400");
      res.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      res.setHeader("Allow", "GET, HEAD, OPTIONS");
      MediaResponses.error(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    String bearer = PlaybackTokens.fromAuthorization(req.getHeader("Authorization"));
    String query = bearer == null ? req.getParameter(QUERY_TOKEN) : null;
    String token = bearer != null ? bearer : query;
    if (token == null || token.isEmpty()) {
      metrics.refused("no-token");
      MediaResponses.error(res, HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    PlaybackClaims claims;
    try {
      claims = verify(token);
    } catch (InvalidPlaybackTokenException e) {
      metrics.refused(e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      boolean malformed = e.reason() == InvalidPlaybackTokenException.Reason.MALFORMED;
      MediaResponses.error(res, malformed ? 401 : 403);
      return;
    }
    // Parsed strictly from the raw path (decoded once, plain names only), and then required to be
    // the very file the container mapped: what is checked is what is served.
    Optional<StreamRequest> stream =
        StreamRequest.parse(req.getRequestURI().substring(req.getContextPath().length()))
            .filter(parsed -> ("/" + parsed.relativePath()).equals(req.getPathInfo()));
    String refusal = null;
    if (stream.isEmpty()
        || !stream.get().eventId().equals(claims.eid())
        || !stream.get().streamPath().startsWith(claims.sp())) {
      refusal = "path";
    } else if (claims.probe() && !"HEAD".equals(method)) {
      refusal = "probe-method";
    } else if (revocations.refuses(claims.sub(), claims.eid(), claims.sid())) {
      refusal = "revoked";
    }
    if (refusal != null) {
      metrics.refused(refusal);
      MediaResponses.error(res, HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    sharing.seen(
        claims, req.getRemoteAddr(), req.getHeader("X-Forwarded-For"), stream.get().file());
    req.setAttribute(CLAIMS, claims);
    req.setAttribute(REQUEST, stream.get());
    if (query != null) {
      req.setAttribute(QUERY_TOKEN, query);
    }
    chain.doFilter(req, res);
  }

  private void cors(HttpServletRequest req, HttpServletResponse res) {
    if ("*".equals(allowedOrigin)) {
      res.setHeader("Access-Control-Allow-Origin", "*");
    } else {
      String origin = req.getHeader("Origin");
      if (origin != null && origin.equals(allowedOrigin)) {
        res.setHeader("Access-Control-Allow-Origin", origin);
      }
      res.setHeader("Vary", "Origin");
    }
    res.setHeader("Access-Control-Expose-Headers", "Content-Length, Content-Range");
  }
}
