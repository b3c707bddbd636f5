package io.streamgate.media.delivery.boundary;

import io.streamgate.common.Spec;
import io.streamgate.common.playback.InvalidPlaybackTokenException;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenVerifier;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.common.playback.StreamPaths;
import io.streamgate.media.keys.control.TrustedKeys;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * Lets a request through only with a valid playback JWT for the requested path: from the {@code
 * Authorization: Bearer} header, or the {@code __token} query parameter (the header wins). Fails
 * fast and vaguely: 401 without a usable token, 403 when the token does not open this path or a
 * probe token asks for more than HEAD.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PlaybackTokenFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Request attribute under which later filters and servlets find the verified claims. */
  public static final String CLAIMS = PlaybackClaims.class.getName();

  static final String QUERY_TOKEN = "__token";

  @Inject TrustedKeys keys;

  private transient PlaybackTokenVerifier verifier;

  @Override
  public void init() {
    verifier = new PlaybackTokenVerifier(keys::current, Clock.systemUTC(), Spec.CLOCK_SKEW_LEEWAY);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if ("OPTIONS".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    String token = token(req);
    if (token == null) {
      res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    PlaybackClaims claims;
    try {
      claims = verifier.verify(token);
    } catch (InvalidPlaybackTokenException e) {
      res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String path = req.getContextPath() + req.getServletPath() + nullToEmpty(req.getPathInfo());
    boolean headOnly = claims.probe() && !"HEAD".equals(req.getMethod());
    if (headOnly || !StreamPaths.isAllowed(path, claims.sp())) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    req.setAttribute(CLAIMS, claims);
    chain.doFilter(req, res);
  }

  /** The token from the Authorization header, else from the query; null when neither has one. */
  static String token(HttpServletRequest req) {
    String bearer = PlaybackTokens.fromAuthorization(req.getHeader("Authorization"));
    if (bearer != null) {
      return bearer;
    }
    String query = req.getParameter(QUERY_TOKEN);
    return query == null || query.isEmpty() ? null : query;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
