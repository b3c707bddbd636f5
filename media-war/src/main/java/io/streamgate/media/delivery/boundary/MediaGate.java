package io.streamgate.media.delivery.boundary;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.media.delivery.control.AccessLogWriter;
import io.streamgate.media.delivery.control.DeliveryMetrics;
import io.streamgate.media.delivery.control.InFlightResponses;
import io.streamgate.media.delivery.control.StreamAccess;
import io.streamgate.media.quality.control.DeliveryQuality;
import io.streamgate.media.settings.entity.MediaSettings;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every stream request passes here first, and only with a playback JWT that opens the requested
 * file: from {@code Authorization: Bearer}, else the {@code __token} query parameter. Answers CORS
 * preflights and methods other than GET and HEAD itself; whether the token opens the file is {@link
 * StreamAccess}'s decision, on the path the container mapped. What it lets through is shown to
 * {@link TokenSharing}, which notices a token played by several clients at once.
 */
@WebFilter(servletNames = StreamServlet.NAME, asyncSupported = true)
public class MediaGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(MediaGate.class.getName());

  /** Request attribute: the verified {@link PlaybackClaims}. */
  static final String CLAIMS = PlaybackClaims.class.getName();

  /** Request attribute: the parsed {@link StreamRequest}. */
  static final String REQUEST = StreamRequest.class.getName();

  /** Request attribute: the token, when it came as a query parameter (manifests then carry it). */
  static final String QUERY_TOKEN = Manifests.TOKEN_PARAMETER;

  /** The query parameter in which players (hls.js {@code cmcd}) send CMCD data. */
  static final String CMCD = "CMCD";

  @Inject StreamAccess access;

  @Inject DeliveryMetrics metrics;

  @Inject InFlightResponses inFlight;

  @Inject AccessLogWriter accessLog;

  @Inject TokenSharing sharing;

  @Inject DeliveryQuality quality;

  String allowedOrigin;

  @Inject
  void configure(MediaSettings settings) {
    allowedOrigin = settings.corsAllowedOrigin();
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    inFlight.started();
    try {
      gate(req, res, chain);
    } finally {
      AccessLog.whenDone(
          req,
          res,
          start,
          metrics,
          accessLog,
          () -> {
            inFlight.ended();
            delivered(req, res);
          });
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
    StreamAccess.Verdict verdict = access.decide(token, req.getPathInfo());
    if (!verdict.passes()) {
      metrics.refused(verdict.refusal());
      MediaResponses.error(res, verdict.status());
      return;
    }
    PlaybackClaims claims = verdict.claims();
    StreamRequest stream = verdict.stream();
    sharing.seen(claims, req.getRemoteAddr(), req.getHeader("X-Forwarded-For"), stream.file());
    // Read only after the token passed, and only for that session's figures (once answered).
    String cmcd = req.getParameter(CMCD);
    if (cmcd != null) {
      req.setAttribute(CMCD, cmcd);
    }
    req.setAttribute(CLAIMS, claims);
    req.setAttribute(REQUEST, stream);
    if (query != null) {
      req.setAttribute(QUERY_TOKEN, query);
    }
    chain.doFilter(req, res);
  }

  /**
   * A file the gate let through was answered: a segment actually served (GET, 200 or 206) counts
   * for its session's delivery figures, with the request's CMCD data. Refused, missing and HEAD
   * requests count for nothing.
   */
  private void delivered(HttpServletRequest req, HttpServletResponse res) {
    int status = res.getStatus();
    if ((status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_PARTIAL_CONTENT)
        && "GET".equals(req.getMethod())
        && req.getAttribute(CLAIMS) instanceof PlaybackClaims claims
        && req.getAttribute(REQUEST) instanceof StreamRequest stream) {
      try {
        quality.served(claims, stream, (String) req.getAttribute(CMCD));
      } catch (RuntimeException e) {
        // Figures only: the answer went out, and the access log still records it.
        LOG.log(Level.FINE, "delivery figures not counted", e);
      }
    }
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
